using Commissioning.Core.Files;
using Commissioning.Core.Profiles;
using Commissioning.Core.Readiness;
using Commissioning.Core.Tenders;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Specification;

/// <summary>The inputs of the document tests (the example files and a fixture profile), and the golden-file check.</summary>
internal static class DocumentFixtures
{
    /// <summary>A name that would add markup, a link, a table cell and a heading if any output let it through.</summary>
    public const string HostileName = "<script>alert(1)</script> [click](javascript:alert(2)) | # *bold* & \"co\" <img src=x onerror=alert(3)>";

    public static string Example(string name) => Path.Combine(Repository.Root, "examples", name);

    public static IReadOnlyList<OrganisationProfile> Members() => Read(ProfilesFile.Read(File.ReadAllText(Example("riverside-members.json"))));

    public static Tender Tender() => Read(TenderFile.Read(File.ReadAllText(Example("ics-tender.json")))).Tender;

    public static (string Provider, Declarations Declarations) Declarations() => Read(DeclarationsFile.Read(File.ReadAllText(Example("provider-declarations.json"))));

    public static ReadinessReport ExampleReadiness(string lotId = "lot-1")
    {
        var (provider, declarations) = Declarations();
        return ReadinessCheck.AgainstTender(Repository.Standards, Tender(), provider, declarations, lotId);
    }

    private static T Read<T>(FileReadResult<T> result)
    {
        Assert.That(result.Problems, Is.Empty, "the example file reads");
        return result.Value;
    }

    /// <summary>
    /// Compares a rendered document with its golden file in <c>Documents/&lt;area&gt;/Golden</c>;
    /// with <c>COMMISSIONING_UPDATE_GOLDEN=1</c> rewrites the file and fails, so that the diff is
    /// looked at before the tests pass again.
    /// </summary>
    public static void AssertMatchesGolden(string area, string file, string actual)
    {
        var path = Path.Combine(Repository.Root, "tests", "Commissioning.Tests", "Documents", area, "Golden", file);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("COMMISSIONING_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Fail($"{path} was rewritten. Check its diff, then run the tests again without COMMISSIONING_UPDATE_GOLDEN.");
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing. Run the test with COMMISSIONING_UPDATE_GOLDEN=1 to write it, and check it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{file} differs from its golden file at line {line + 1}.\n  expected: {(line < expectedLines.Length ? expectedLines[line] : "(end of file)")}\n  actual:   {(line < actualLines.Length ? actualLines[line] : "(end of file)")}\nIf the change is intended, run with COMMISSIONING_UPDATE_GOLDEN=1 and check the diff.");
    }

    /// <summary>Markdown rendered the way a reader's viewer would: Markdig with tables and raw HTML allowed, so that anything the escaping missed would show as live markup.</summary>
    public static string MarkdownToHtml(string markdown) =>
        Markdig.Markdown.ToHtml(markdown, Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build());
}
