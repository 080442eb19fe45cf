namespace Commissioning.Cli;

/// <summary>The entry point: <c>dotnet run --project src/Commissioning.Cli -- &lt;command&gt;</c>.</summary>
internal static class Program
{
    private static int Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
}
