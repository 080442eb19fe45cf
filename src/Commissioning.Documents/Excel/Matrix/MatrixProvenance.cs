using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Commissioning.Core.Standards;

namespace Commissioning.Documents.Excel.Matrix;

/// <summary>One standards file the evaluation was checked against, with the SHA-256 of its text.</summary>
/// <param name="FileName">The file's name, such as <c>02-seqohs.md</c>.</param>
/// <param name="RuleSet">The rule set's id and title, or null for a file that is not a rule set (sources, glossary).</param>
/// <param name="Sha256">The SHA-256 of the file's UTF-8 text, in lower-case hexadecimal.</param>
public sealed record StandardsFingerprint(string FileName, string? RuleSet, string Sha256);

/// <summary>
/// Where a matrix came from: when it was made (from the caller's clock), the toolkit's version
/// and the standards the tender was checked against. The rule sets carry no version numbers of
/// their own, so each is identified by the hash of its text.
/// </summary>
public sealed record MatrixProvenance
{
    /// <summary>When the workbook was made.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The toolkit's version.</summary>
    public required string ToolkitVersion { get; init; }

    /// <summary>
    /// What the matrix was made from, in words: the tender file a command read, or the tender
    /// stored in the site (its title and id); null when not said (no row is written).
    /// </summary>
    public string? Source { get; init; }

    /// <summary>Each standards file, in name order.</summary>
    public IReadOnlyList<StandardsFingerprint> Standards { get; init; } = [];

    /// <summary>One hash for all the standards files together (over each file's name and hash, in order), or null when none were given.</summary>
    public string? StandardsHash => Standards.Count == 0
        ? null
        : Hex(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Standards.OrderBy(s => s.FileName, StringComparer.Ordinal).Select(s => s.FileName + " " + s.Sha256)))));

    /// <summary>The toolkit's version from this assembly's informational version.</summary>
    public static string AssemblyVersion()
    {
        var assembly = typeof(MatrixProvenance).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
    }

    /// <summary>Fingerprints the standards files, naming the rule set each holds where the catalogue has one.</summary>
    public static IReadOnlyList<StandardsFingerprint> Fingerprint(IEnumerable<StandardsFile> files, StandardsCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byFile = catalogue?.RuleSets.ToDictionary(r => r.FileName, r => $"{r.Id}: {r.Title}", StringComparer.Ordinal) ?? [];
        return [.. files
            .OrderBy(f => f.FileName, StringComparer.Ordinal)
            .Select(f => new StandardsFingerprint(f.FileName, byFile.GetValueOrDefault(f.FileName), Hex(SHA256.HashData(Encoding.UTF8.GetBytes(f.Text)))))];
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
