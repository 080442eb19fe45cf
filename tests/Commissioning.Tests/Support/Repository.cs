using Commissioning.Core.Standards;

namespace Commissioning.Tests.Support;

/// <summary>Finds the repository from the test's output folder and loads its standards once.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Commissioning.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find Commissioning.sln above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<StandardsCatalogue> LoadedStandards = new(() => StandardsParser.Load(StandardsFiles()));

    public static string Root => RootPath.Value;

    public static string StandardsFolder => Path.Combine(Root, "standards");

    public static StandardsCatalogue Standards => LoadedStandards.Value;

    public static IReadOnlyList<StandardsFile> StandardsFiles() =>
        [.. Directory.EnumerateFiles(StandardsFolder, "*.md").Order(StringComparer.Ordinal)
            .Select(f => new StandardsFile(Path.GetFileName(f), File.ReadAllText(f)))];
}
