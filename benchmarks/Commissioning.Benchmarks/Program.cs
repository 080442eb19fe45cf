using BenchmarkDotNet.Running;

namespace Commissioning.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Commissioning.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>
    /// Runs the benchmarks chosen on the command line; or, with <c>import-loop &lt;sqlite-file&gt;</c>,
    /// imports the ICS-scale tender into the file again and again (the child process that the
    /// kill-mid-save test stops with SIGKILL).
    /// </summary>
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["import-loop", var file])
        {
            ImportLoop.Run(file);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
