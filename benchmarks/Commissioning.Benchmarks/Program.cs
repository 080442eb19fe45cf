using BenchmarkDotNet.Running;
using Commissioning.Core.Files;

namespace Commissioning.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Commissioning.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>
    /// Runs the benchmarks chosen on the command line, or with <c>write-ics &lt;file.json&gt;</c>
    /// writes the ICS-scale tender to a file (to measure a command's peak memory on it).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["write-ics", var path])
        {
            File.WriteAllText(path, TenderFile.Write(IcsScaleTender.Create()));
            return;
        }

        if (args is ["profile-matrix"])
        {
            MatrixProfile.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
