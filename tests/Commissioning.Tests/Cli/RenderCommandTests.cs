using Commissioning.Core.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Cli;

/// <summary><c>render evaluation-report</c> and <c>render assessment-summary</c>: files written whole, exit codes 0, 1 and 2 with their messages.</summary>
public sealed class RenderCommandTests
{
    private const string Example = "examples/ics-tender.json";

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var time = new FixedTime(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, Repository.Root, time);
        return (code, output.ToString(), error.ToString());
    }

    private static string Folder() => Directory.CreateTempSubdirectory("render-").FullName;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [TestCase("report.html", "<!DOCTYPE html>", "Evaluation report and award recommendation")]
    [TestCase("report.md", "# Evaluation report and award recommendation", "The panel recommends awarding Trusts to Northgate Occupational Health Ltd")]
    public void EvaluationReport_WritesTheFormatItsExtensionNames_AndSaysSo(string name, string start, string contains)
    {
        var path = Path.Combine(Folder(), name);

        var (code, output, error) = Run("render", "evaluation-report", Example, "-o", path);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(output, Does.StartWith($"Wrote {path} ("));
        var text = File.ReadAllText(path);
        Assert.That(text, Does.StartWith(start).And.Contain(contains).And.Contain("Prepared 15 January 2027."));
    }

    [Test]
    public void AssessmentSummary_ForABid_IsWritten_OverAnExistingFile_LeavingNoTemporaryFile()
    {
        var folder = Folder();
        var path = Path.Combine(folder, "summary.html");
        File.WriteAllText(path, "an older summary");

        var (code, output, error) = Run("render", "assessment-summary", Example, "--bid", "bid-b", "-o", path);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(File.ReadAllText(path), Does.Contain("Meridian Workplace Health LLP").And.Contain("Feedback on the evaluation").And.Not.Contain("an older summary"));
        Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }), "only the summary: the temporary file was moved over it");
    }

    [Test]
    public void AssessmentSummary_DiscloseWinnerAnswers_QuotesTheWinnersAnswers()
    {
        var path = Path.Combine(Folder(), "summary.md");
        var winnerAnswer = TenderFile.Read(File.ReadAllText(Path.Combine(Repository.Root, Example))).Value.Bids.Single(b => b.Id == "bid-a").Answers[0].Text;

        var (code, output, error) = Run("render", "assessment-summary", Example, "--bid", "bid-b", "--disclose-winner-answers", "-o", path);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(File.ReadAllText(path), Does.Contain("The winning bid's answers are quoted").And.Contain(winnerAnswer[..20]));
    }

    [TestCase(new[] { "render", "evaluation-report", Example }, "Name the file to write with -o")]
    [TestCase(new[] { "render", "evaluation-report", Example, "-o", "report.pdf" }, "The output file report.pdf must end in .html (print-ready HTML) or .md (Markdown).")]
    [TestCase(new[] { "render", "evaluation-report", Example, "-o", "no-such-folder/report.html" }, "The folder for no-such-folder/report.html does not exist.")]
    [TestCase(new[] { "render", "assessment-summary", Example, "-o", "x.md" }, "Name the bid the summary is for with --bid, such as --bid bid-a.")]
    [TestCase(new[] { "render", "assessment-summary", Example, "--bid", "bid-z", "-o", "TestResults/x.md" }, "examples/ics-tender.json has no bid 'bid-z'. Its bids are: bid-a, bid-b, bid-c, bid-d, bid-e, bid-f.")]
    [TestCase(new[] { "render", "award-letter", Example, "-o", "x.md" }, "There is no document called 'award-letter' to render. Choose one of: specification, questionnaire, readiness, evaluation-report, assessment-summary.")]
    [TestCase(new[] { "render", "evaluation-report", Example, "-o" }, "The option -o needs a value: the file to write.")]
    public void UsageMistakes_ExitTwo_WithAMessageSayingWhatToDo(string[] args, string message)
    {
        Directory.CreateDirectory(Path.Combine(Repository.Root, "TestResults"));

        var (code, output, error) = Run(args);

        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.StartWith(message));
        Assert.That(File.Exists(Path.Combine(Repository.Root, "TestResults", "x.md")), Is.False, "nothing written");
    }

    [Test]
    public void EveryDocument_TheSameOutputMistake_GivesTheSameMessage()
    {
        // Each document with the inputs and options it needs, so that only -o can be wrong.
        var documents = new (string Name, string[] Args, string Input)[]
        {
            ("specification", ["examples/riverside-members.json"], "examples/riverside-members.json"),
            ("questionnaire", [Example], Example),
            ("readiness", [Example, "examples/provider-declarations.json", "--lot", "lot-1"], Example),
            ("evaluation-report", [Example], Example),
            ("assessment-summary", [Example, "--bid", "bid-b"], Example),
        };
        var folder = Folder();
        Directory.CreateDirectory(Path.Combine(folder, "already-a-folder.html"));
        var mistakes = new (string[] Output, string Message)[]
        {
            ([], "Name the file to write with -o, such as -o "),
            (["-o", "out.pdf"], "The output file out.pdf must end in .html (print-ready HTML) or .md (Markdown)."),
            (["-o", "no-such-folder/out.md"], "The folder for no-such-folder/out.md does not exist. Create it first, or write the file somewhere else."),
            (["-o", Path.Combine(folder, "already-a-folder.html")], $"{Path.Combine(folder, "already-a-folder.html")} is a folder. Name a file to write, such as "),
            (["-o", "{input}.md"], "{input}.md is also an input file. Name a different file to write, so that the input is not overwritten."),
        };
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, args, input) in documents)
            {
                foreach (var (output, message) in mistakes)
                {
                    // An output named like the input: the input copied to a name ending in .md.
                    var inputAsMarkdown = Path.Combine(folder, name + ".md");
                    File.Copy(Path.Combine(Repository.Root, input), inputAsMarkdown, overwrite: true);
                    var documentArgs = output is [_, "{input}.md"] ? [.. args.Select(a => a == input ? inputAsMarkdown : a)] : args;
                    var outputArgs = output.Select(o => o.Replace("{input}.md", inputAsMarkdown, StringComparison.Ordinal)).ToArray();

                    var (code, stdout, error) = Run(["render", name, .. documentArgs, .. outputArgs]);

                    Assert.That(code, Is.EqualTo(2), $"{name} {string.Join(' ', output)}: {stdout}{error}");
                    Assert.That(error, Does.StartWith(message.Replace("{input}.md", inputAsMarkdown, StringComparison.Ordinal)), $"{name} {string.Join(' ', output)}");
                    checkedCases++;
                }
            }
        });

        Assert.That(checkedCases, Is.EqualTo(25));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(), Is.EqualTo(documents.Select(d => d.Name + ".md").Order()), "only the copied inputs, unchanged in name: nothing was written");
    }

    [Test]
    public void ATenderThatBreaksARule_ExitsOne_AndWritesNothing()
    {
        var folder = Folder();
        var pack = TenderFile.Read(File.ReadAllText(Path.Combine(Repository.Root, Example))).Value;
        var lot = pack.Tender.Lots[0];
        var broken = pack with { Tender = pack.Tender with { Lots = [lot with { QualityWeight = lot.QualityWeight + 5m }, .. pack.Tender.Lots.Skip(1)] } };
        var tender = Path.Combine(folder, "broken.json");
        File.WriteAllText(tender, TenderFile.Write(broken));
        var path = Path.Combine(folder, "report.html");

        var (code, output, _) = Run("render", "evaluation-report", tender, "-o", path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("broken.json breaks"));
        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1), "only the tender");
    }
}
