using System.Text.Json;
using Commissioning.Cli;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Cli;

/// <summary>The command line, run in-process from the repository root: outputs and exit codes.</summary>
public sealed class CommandLineTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(args, output, error, Repository.Root);
        return (code, output.ToString(), error.ToString());
    }

    private static string TempFile(string name, string text)
    {
        var folder = Directory.CreateTempSubdirectory("cli-");
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void StandardsCheck_OnTheRepository_Succeeds_AndCountsTheRequirements()
    {
        var (code, output, _) = Run("standards", "check");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("no problems").And.Contain("13 rule sets, 81 requirements, 17 guide questions"));
    }

    [Test]
    public void StandardsCheck_OnAMalformedFolder_ListsEachProblemWithFileAndLine_AndExitsOne()
    {
        var folder = Directory.CreateTempSubdirectory("standards-");
        foreach (var file in Repository.StandardsFiles())
        {
            File.WriteAllText(Path.Combine(folder.FullName, file.FileName), file.Text.Replace("- **Maturity:** core", "- **Maturity:** basic", StringComparison.Ordinal));
        }

        var (code, output, _) = Run("standards", "check", folder.FullName);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("01-principles.md, line ").And.Contain("Unknown maturity level 'basic' in PRN-01. Use core, transformative or exemplary."));
    }

    [TestCase(new string[0], "Name a command.")]
    [TestCase(new[] { "frobnicate" }, "Unknown command or wrong number of arguments: frobnicate")]
    [TestCase(new[] { "evaluate" }, "Unknown command or wrong number of arguments: evaluate")]
    [TestCase(new[] { "evaluate", "examples/ics-tender.json", "--colour" }, "Unknown option --colour.")]
    [TestCase(new[] { "evaluate", "no-such-file.json" }, "The file 'no-such-file.json' does not exist.")]
    [TestCase(new[] { "standards", "check", "/no/such/folder" }, "The standards folder '/no/such/folder' does not exist.")]
    [TestCase(new[] { "readiness", "examples/ics-tender.json", "examples/provider-declarations.json", "--lot" }, "The option --lot needs a value.")]
    [TestCase(new[] { "readiness", "examples/ics-tender.json", "examples/provider-declarations.json", "--lot", "lot-9" }, "The tender has no lot 'lot-9'. Its lots are: lot-1, lot-2.")]
    [TestCase(new[] { "evaluate", "examples" }, "'examples' is a folder. Name a file.")]
    public void UsageErrors_ExitTwo_WithTheProblemAndTheUsage(string[] args, string message)
    {
        var (code, _, error) = Run(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.StartWith(message).And.Contain("Usage: commissioning <command>"));
    }

    [Test]
    public void Help_ShowsUsage_AndExitsZero()
    {
        var (code, output, _) = Run("help");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("evaluate <tender.json> [--json]"));
    }

    [Test]
    public void Tailor_SeveralOrganisations_GivesTheCombinedSpecificationWithEachMembersReason()
    {
        var (code, output, _) = Run("tailor", "examples/riverside-members.json");

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("Combined specification for 5 organisations"));
        Assert.That(output, Does.Contain("SUB-06").And.Contain("Applies because staff work with ionising radiation.").And.Contain("Does not apply because no staff work with ionising radiation, no staff work with lasers,"));
    }

    [Test]
    public void Tailor_OneOrganisation_GivesItsSpecification()
    {
        var file = TempFile("one.json", """
            {
              "format": "oh-profiles",
              "version": 1,
              "organisations": [
                { "name": "Riverside Surgery", "type": "gp-practice-or-pcn", "headcount": 45, "hostsMedicalTrainees": true, "exposures": [], "populationHealthNeeds": [], "currentDelivery": "external" }
              ]
            }
            """);

        var (code, output, _) = Run("tailor", file);

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.StartWith("Specification for Riverside Surgery"));
        // A GP practice hosting GP trainees gets no ESR gate: the guide makes the link essential for trusts only.
        Assert.That(output, Does.Contain("INF-03  should, scored").And.Contain("It is not essential here because the organisation is a GP practice or PCN, not an acute trust"));
    }

    [Test]
    public void Tailor_AProfileThatBreaksARule_ExitsOne_NamingTheOrganisation()
    {
        var file = TempFile("bad.json", """
            {
              "format": "oh-profiles",
              "version": 1,
              "organisations": [
                { "name": "Riverside Surgery", "type": "gp-practice-or-pcn", "headcount": 0, "hostsMedicalTrainees": false, "exposures": [], "populationHealthNeeds": [], "currentDelivery": "external" }
              ]
            }
            """);

        var (code, output, _) = Run("tailor", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("Organisation 1 (Riverside Surgery): Number of staff must be 1 or more."));
    }

    [Test]
    public void Tailor_MalformedJson_ExitsOne_WithThePath()
    {
        var file = TempFile("broken.json", "{ \"format\": \"oh-profiles\", \"version\": 1, \"organisations\": [ { \"name\": ");

        var (code, output, _) = Run("tailor", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("could not be read").And.Contain("$."));
    }

    [Test]
    public void Evaluate_TheExampleTender_PrintsTheRankingBreakdownsAndRobustness()
    {
        var (code, output, _) = Run("evaluate", "examples/ics-tender.json");

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Lot 1: ").And.Contain("Lot 2: "));
        Assert.That(output, Does.Contain("Rank  Provider"));
        Assert.That(output, Does.Contain("Most advantageous tender: "));
        Assert.That(output, Does.Contain("excluded (gate)"), "one lot 1 bidder's ESR interface is only planned");
        Assert.That(output, Does.Match(@"Excluded: .+: failed gate G2 Two-way ESR interface: Two-way ESR interface planned for .+, not live\."));
        Assert.That(output, Does.Contain("How each bid was scored").And.Contain("How robust the result is").And.Contain("Random weight trials: the winner held in"));
        Assert.That(output, Does.Contain("Status: complete."), "the example is fully moderated");
    }

    [Test]
    public void Evaluate_Json_GivesTheFullResults()
    {
        var (code, output, _) = Run("evaluate", "examples/ics-tender.json", "--json");

        Assert.That(code, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        var lots = json.RootElement.GetProperty("lots");
        Assert.That(json.RootElement.GetProperty("format").GetString(), Is.EqualTo("oh-evaluation"));
        Assert.That(json.RootElement.GetProperty("version").GetInt32(), Is.EqualTo(3));
        Assert.That(Commissioning.Core.Files.EvaluationFile.Read(output).Problems, Is.Empty, "the output reads back as an evaluation file");
        Assert.That(lots.GetArrayLength(), Is.EqualTo(2));
        foreach (var lot in lots.EnumerateArray())
        {
            Assert.That(lot.GetProperty("mostAdvantageous").GetString(), Is.Not.Null.And.Not.Empty);
            var first = lot.GetProperty("bids")[0];
            Assert.That(first.GetProperty("rank").GetInt32(), Is.EqualTo(1));
            Assert.That(first.GetProperty("sections")[0].GetProperty("questions")[0].GetProperty("evaluatorScores").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(first.TryGetProperty("breakdown", out _), Is.False, "version 3 holds facts; the words are the templates'");
            Assert.That(lot.GetProperty("robustness").GetProperty("priceMethods").GetArrayLength(), Is.EqualTo(4));
        }
    }

    [Test]
    public void Evaluate_ATenderThatBreaksARule_ExitsOne_WithTheMessage()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "examples", "ics-tender.json"));
        var pack = Commissioning.Core.Files.TenderFile.Read(text).Value;
        var lot = pack.Tender.Lots[0];
        var broken = pack with { Tender = pack.Tender with { Lots = [lot with { Sections = [lot.Sections[0] with { Weight = lot.Sections[0].Weight - 5m }, .. lot.Sections.Skip(1)] }, .. pack.Tender.Lots.Skip(1)] } };
        var file = TempFile("broken-tender.json", Commissioning.Core.Files.TenderFile.Write(broken));

        var (code, output, _) = Run("evaluate", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"Section weights for lot 1 ({lot.Title}) add up to 95%. They must add up to 100%."));
    }

    [Test]
    public void Readiness_AgainstTheExampleTender_ListsGatesGapsAndTheChecklist()
    {
        var (code, output, _) = Run("readiness", "examples/ics-tender.json", "examples/provider-declarations.json", "--lot", "lot-1");

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.StartWith("Readiness of "));
        Assert.That(output, Does.Contain("Must requirements not yet ready").And.Contain("Readiness by area:").And.Contain("Evidence checklist:"));
    }

    [Test]
    public void Readiness_AgainstProfiles_UsesTheTailoredSpecification()
    {
        var (code, output, _) = Run("readiness", "examples/riverside-members.json", "examples/provider-declarations.json");

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("against the combined specification for"));
    }

    [Test]
    public void Readiness_AgainstTheWrongKindOfFile_ExitsOne_SayingWhatItNeeds()
    {
        var (code, output, _) = Run("readiness", "examples/provider-declarations.json", "examples/provider-declarations.json");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("This is an 'oh-declarations' file. Readiness is checked against a tender (oh-tender) or organisation profiles (oh-profiles)."));
    }

    [Test]
    public void Readiness_AgainstABrokenFile_ExitsOne_WithThePlace()
    {
        var file = TempFile("broken.json", "{ \"format\": \"oh-tender\", ");

        var (code, output, _) = Run("readiness", file, "examples/provider-declarations.json");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("could not be read").And.Contain("$"));
    }

    [Test]
    public void Readiness_ChecksTheDeclarationsThemselves()
    {
        var declarations = File.ReadAllText(Path.Combine(Repository.Root, "examples", "provider-declarations.json"));
        var read = Commissioning.Core.Files.DeclarationsFile.Read(declarations).Value;
        var broken = read.Declarations with { Staffing = read.Declarations.Staffing with { OhNurses = -2m } };
        var file = TempFile("declarations.json", Commissioning.Core.Files.DeclarationsFile.Write(read.Provider, broken));

        var (code, output, _) = Run("readiness", "examples/ics-tender.json", file);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain($"Staffing figures in {read.Provider}'s declarations cannot be negative."));
    }

    [Test]
    public void MalformedStandards_ExitOne_ListingTheProblems_NotAStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("standards-");
        foreach (var file in Repository.StandardsFiles())
        {
            File.WriteAllText(Path.Combine(folder.FullName, file.FileName), file.Text.Replace("- **Strength:** must", "- **Strength:** vital", StringComparison.Ordinal));
        }

        var (code, output, _) = Run("evaluate", "examples/ics-tender.json", "--standards", folder.FullName);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.StartWith("The standards could not be loaded:").And.Contain("Unknown strength 'vital'"));
    }

    [Test]
    public void NumbersAreFormattedTheSameWhateverTheMachinesCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

            var (_, output, _) = Run("evaluate", "examples/ics-tender.json");

            Assert.That(output, Does.Contain("(7,800 staff)").And.Contain("of 1,000 trials"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
