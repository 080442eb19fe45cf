using Commissioning.Tests.Support;
using static Commissioning.Tests.Documents.Specification.DocumentFixtures;

namespace Commissioning.Tests.Documents.Specification;

/// <summary><c>render specification|questionnaire|readiness</c> from the command line: files written whole, exit codes and messages.</summary>
public sealed class RenderDocumentsCommandTests
{
    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, Repository.Root);
        return (code, output.ToString(), error.ToString());
    }

    private static string Folder() => Directory.CreateTempSubdirectory("render-").FullName;

    [TestCase("specification.html", "<!DOCTYPE html>", "What an occupational health service for 5 organisations buying together must provide")]
    [TestCase("specification.md", "# What an occupational health service for 5 organisations buying together must provide", "## Contract KPI schedule")]
    public void RenderSpecification_TheExampleMembers_WritesTheDocumentInTheFormatOfTheExtension(string file, string start, string contains)
    {
        var folder = Folder();
        var path = Path.Combine(folder, file);

        var (code, output, error) = Run("render", "specification", Example("riverside-members.json"), "-o", path);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo($"Wrote the combined specification for 5 organisations to {path}.{Environment.NewLine}"));
        var text = File.ReadAllText(path);
        Assert.That(text, Does.StartWith(start).And.Contain(contains));
        Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1), "no temporary file is left behind");
    }

    [Test]
    public void RenderQuestionnaire_OneLot_WritesThatLot()
    {
        var path = Path.Combine(Folder(), "itt.html");

        var (code, output, _) = Run("render", "questionnaire", Example("ics-tender.json"), "--lot", "lot-2", "--output", path);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("Wrote the questionnaire for lot lot-2 to "));
        Assert.That(File.ReadAllText(path), Does.Contain("<h2 id=\"lot-2\">").And.Not.Contain("<h2 id=\"lot-1\">"));
    }

    [Test]
    public void RenderReadiness_AgainstOneLot_WritesTheReport_OverAnExistingFile()
    {
        var path = Path.Combine(Folder(), "readiness.md");
        File.WriteAllText(path, "an older report");

        var (code, output, _) = Run("render", "readiness", Example("ics-tender.json"), Example("provider-declarations.json"), "--lot", "lot-1", "-o", path);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("Wrote the readiness report for Harbourside Occupational Health Ltd to "));
        Assert.That(File.ReadAllText(path), Does.StartWith("# Readiness of Harbourside Occupational Health Ltd"));
    }

    private static IEnumerable<TestCaseData> UsageMistakes()
    {
        yield return new TestCaseData((object)new[] { "render", "specification", "examples/riverside-members.json" }, "Name the file to write with -o").SetName("Render_NoOutputFile_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "specification", "examples/riverside-members.json", "-o", "OUT.pdf" }, "must end in .html (print-ready HTML) or .md (Markdown)").SetName("Render_AnOutputThatIsNotHtmlOrMarkdown_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "specification", "examples/riverside-members.json", "-o", "no-such-folder/x.html" }, "The folder for no-such-folder/x.html does not exist").SetName("Render_AnOutputInAMissingFolder_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "specification", "examples", "-o", "OUT.html" }, "'examples' is a folder. Name a file.").SetName("Render_AFolderAsInput_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "specification", "-o", "OUT.html" }, "render specification takes one file; it was given 0.").SetName("Render_SpecificationWithoutItsFile_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "readiness", "examples/ics-tender.json", "-o", "OUT.html" }, "render readiness takes two files; it was given 1.").SetName("Render_ReadinessWithOneFile_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "specification", "examples/riverside-members.json", "--lot", "lot-1", "-o", "OUT.html" }, "--lot applies only to a tender").SetName("Render_SpecificationWithALot_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "questionnaire", "examples/ics-tender.json", "--lot", "lot-9", "-o", "OUT.html" }, "The tender has no lot 'lot-9'. Its lots are: lot-1, lot-2.").SetName("Render_QuestionnaireForAnUnknownLot_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "readiness", "examples/ics-tender.json", "examples/provider-declarations.json", "-o", "OUT.html" }, "Name the lot the provider is bidding for with --lot. The tender's lots are: lot-1, lot-2.").SetName("Render_ReadinessAgainstATenderWithoutALot_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "questionnaire", "examples/ics-tender.json", "-o", "examples/ics-tender.json" }, "must end in .html").SetName("Render_OverAJsonInput_IsAUsageError");
        yield return new TestCaseData((object)new[] { "render", "evaluation-summary", "examples/ics-tender.json", "-o", "OUT.html" }, "There is no document called 'evaluation-summary' to render. Choose one of: specification, questionnaire, readiness, evaluation-report, assessment-summary.").SetName("Render_AnUnknownDocument_IsAUsageError");
    }

    [TestCaseSource(nameof(UsageMistakes))]
    public void Render_UsageMistake_ExitsTwoWithAPlainMessage_AndWritesNothing(string[] args, string message)
    {
        var before = Directory.GetFiles(Repository.Root, "OUT.*").Length;

        var (code, _, error) = Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(message));
        Assert.That(Directory.GetFiles(Repository.Root, "OUT.*"), Has.Length.EqualTo(before));
    }

    [Test]
    public void Render_AnOutputNamedLikeTheInput_IsRefused_AndTheInputIsUnchanged()
    {
        var folder = Folder();
        var input = Path.Combine(folder, "members.md");
        File.Copy(Example("riverside-members.json"), input);
        var original = File.ReadAllText(input);

        var (code, _, error) = Run("render", "specification", input, "-o", input);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("is also an input file"));
        Assert.That(File.ReadAllText(input), Is.EqualTo(original));
    }

    [Test]
    public void Render_AnInvalidProfilesFile_ExitsOneWithItsProblems_AndWritesNothing()
    {
        var folder = Folder();
        var input = Path.Combine(folder, "profiles.json");
        File.WriteAllText(input, """{ "format": "oh-profiles", "version": 1, "organisations": [] }""");
        var path = Path.Combine(folder, "spec.html");

        var (code, output, _) = Run("render", "specification", input, "-o", path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("$.organisations is empty; list at least one organisation."));
        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1));
    }
}
