using Commissioning.Core.Standards;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Reads the standards folder from disk (the I/O edge; Core only parses text). The folder is
/// <c>Standards:Path</c> from configuration, or the <c>standards</c> folder copied beside the app.
/// </summary>
public sealed class StandardsFolder
{
    /// <summary>Loads and parses every Markdown file in the folder.</summary>
    public static StandardsCatalogue Load(IConfiguration configuration, IWebHostEnvironment environment, ILogger<StandardsFolder> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var path = ResolvePath(configuration["Standards:Path"], environment.ContentRootPath);
        var (loaded, errors) = StandardsParser.TryLoad(ReadFiles(path), path);
        if (loaded is not { } catalogue)
        {
            // The same plain list standards check prints, one problem a line with its file and line,
            // logged before start-up stops so it reads clearly above the exception.
            if (logger.IsEnabled(LogLevel.Critical))
            {
                logger.LogCritical("The standards in {Path} could not be loaded, so the site cannot start:{NewLine}{Problems}",
                    path, Environment.NewLine, string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
            }

            throw new StandardsLoadException(errors);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Loaded {RuleSets} rule sets with {Requirements} requirements from {Path}",
                catalogue.RuleSets.Count, catalogue.Requirements.Count, path);
        }

        return catalogue;
    }

    /// <summary>
    /// The standards files the site runs with, fingerprinted for the provenance sheet of the
    /// evaluation matrix it gives for download (the same hashes the command line records).
    /// </summary>
    public static Commissioning.Application.Tenders.DocumentStandards Fingerprints(IConfiguration configuration, IWebHostEnvironment environment, StandardsCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var path = ResolvePath(configuration["Standards:Path"], environment.ContentRootPath);
        return new(Commissioning.Documents.Excel.Matrix.MatrixProvenance.Fingerprint(ReadFiles(path), catalogue));
    }

    /// <summary>Reads every <c>*.md</c> file in a folder, in name order.</summary>
    public static IReadOnlyList<StandardsFile> ReadFiles(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The standards folder '{path}' does not exist. Set Standards:Path to the folder that holds the rule set Markdown files.");
        }

        return [.. Directory.EnumerateFiles(path, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(f => new StandardsFile(Path.GetFileName(f), File.ReadAllText(f)))];
    }

    private static string ResolvePath(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        // Published or built: copied beside the binaries. Running from source: the repository folder.
        var besideApp = Path.Combine(AppContext.BaseDirectory, "standards");
        return Directory.Exists(besideApp) ? besideApp : Path.GetFullPath(Path.Combine(contentRoot, "..", "..", "standards"));
    }
}
