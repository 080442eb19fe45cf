using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Evaluation;
using Commissioning.Documents.Templates;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Evaluation;

/// <summary>
/// The evaluation documents and the command line's evaluation text, from their templates: golden
/// files for every template, escaping of hostile names, strict names, what each document says.
/// </summary>
/// <remarks>
/// After a deliberate change to a template, rewrite the stored outputs with
/// <c>COMMISSIONING_UPDATE_GOLDEN=1 dotnet test --filter EvaluationDocumentTests</c>; the test then
/// fails once, saying so, and the diff of <c>Golden/</c> shows what changed.
/// </remarks>
public sealed class EvaluationDocumentTests
{
    private const string Hostile = "<script>alert(1)</script> [x](javascript:alert(1)) | # *bold*";

    /// <summary>Every output of every model file: the evaluate text (words, breakdown), the report and a summary for two bids, in HTML and Markdown.</summary>
    private static IEnumerable<(string File, string Text)> Outputs()
    {
        foreach (var (name, pack, bids) in DocumentCases.Models())
        {
            var (result, robustness) = DocumentCases.Evaluate(pack);
            yield return ($"{name}.evaluate.txt", EvaluationText.Render(result, robustness));
            yield return ($"{name}.report.html", EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Html, DocumentCases.Prepared));
            yield return ($"{name}.report.md", EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Markdown, DocumentCases.Prepared));
            foreach (var bid in bids)
            {
                yield return ($"{name}.summary-{bid}.html", EvaluationDocuments.AssessmentSummary(result, bid, DocumentOutput.Html, DocumentCases.Prepared));
                yield return ($"{name}.summary-{bid}.md", EvaluationDocuments.AssessmentSummary(result, bid, DocumentOutput.Markdown, DocumentCases.Prepared));
            }
        }
    }

    [Test]
    public void AnExcludedBidsSummary_SaysItWasNotRanked_AndWhy_InOneReadableSentencePair()
    {
        // The example with its first bid declaring no SEQOHS accreditation, which fails the SEQOHS gate.
        var example = DocumentCases.Example();
        var first = example.Bids[0];
        var pack = example with { Bids = [first with { Declarations = first.Declarations with { Seqohs = Commissioning.Core.Tenders.SeqohsStatus.None, SeqohsDate = null } }, .. example.Bids.Skip(1)] };
        var (result, _) = DocumentCases.Evaluate(pack);

        var summary = EvaluationDocuments.AssessmentSummary(result, first.Id, DocumentOutput.Markdown, DocumentCases.Prepared);

        Assert.That(summary, Does.Contain("The bid was not ranked. Excluded: a gate was failed."));
        Assert.That(summary, Does.Not.Contain("not ranked: Excluded"));
    }

    [Test]
    public void Templates_OfEachModelFile_GiveTheStoredOutputs()
    {
        var update = Environment.GetEnvironmentVariable("COMMISSIONING_UPDATE_GOLDEN") == "1";
        var checkedFiles = 0;
        var rewritten = new List<string>();
        foreach (var (file, text) in Outputs())
        {
            var path = Path.Combine(DocumentCases.Folder, file);
            var actual = text.ReplaceLineEndings("\n");
            if (update)
            {
                if (!File.Exists(path) || File.ReadAllText(path).ReplaceLineEndings("\n") != actual)
                {
                    File.WriteAllText(path, actual);
                    rewritten.Add(file);
                }

                continue;
            }

            Assert.That(File.Exists(path), Is.True, $"{path} is missing: run with COMMISSIONING_UPDATE_GOLDEN=1 to write it.");
            var expected = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
            var lines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expected.Length, lines.Length)).FirstOrDefault(i => expected[i] != lines[i], -1);
            Assert.That(first, Is.EqualTo(-1), first < 0 ? string.Empty : $"{file} line {first + 1}: expected \"{expected[first]}\" but was \"{lines[first]}\"");
            Assert.That(lines, Has.Length.EqualTo(expected.Length), file);
            checkedFiles++;
        }

        if (update)
        {
            Assert.Fail(rewritten.Count == 0 ? "COMMISSIONING_UPDATE_GOLDEN is set; nothing changed." : $"Rewritten: {string.Join(", ", rewritten)}. Check the diff, then run again without COMMISSIONING_UPDATE_GOLDEN.");
        }

        Assert.That(checkedFiles, Is.EqualTo(14), "2 model files × (text, report in 2 formats, 2 summaries in 2 formats)");
    }

    [Test]
    public void EveryTemplate_IsCoveredByTheGoldenFiles()
    {
        var names = TemplateSet.Shipped.Names.Where(n => n.StartsWith("evaluation/", StringComparison.Ordinal) || n.StartsWith("shared/", StringComparison.Ordinal)).ToList();

        // Rendered directly: evaluate, report and assessment-summary; included by them: words,
        // report-words, breakdown and the page layout with its stylesheet; lines is used by
        // EvaluationText's sentences. The standards footer is covered by the specification's golden files.
        Assert.That(names, Is.EquivalentTo(new[]
        {
            "evaluation/assessment-summary.html", "evaluation/assessment-summary.md", "evaluation/breakdown.txt", "evaluation/evaluate.txt", "evaluation/lines.txt",
            "evaluation/report-words.txt", "evaluation/report.html", "evaluation/report.md", "evaluation/words.txt",
            "shared/page-end.html", "shared/page-start.html", "shared/print-style.html", "shared/standards-footer.html",
        }));
    }

    [Test]
    public void HostileProviderName_IsEscaped_InHtmlAndMarkdown()
    {
        var pack = DocumentCases.Provisional(Hostile);
        pack = pack with { Moderation = [pack.Moderation[0] with { Reason = "Agreed <img src=x onerror=alert(1)> | [y](javascript:z)" }] };
        pack = pack with
        {
            ConflictDeclarations =
            [
                new()
                {
                    EvaluatorId = pack.Tender.Evaluators[0].Id,
                    DeclaredBy = "Dee <img src=x onerror=alert(2)>",
                    DeclaredAt = new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero),
                    Bidders = [Hostile],
                    HasConflict = true,
                    Details = "Line one\n<script>alert(3)</script> [d](javascript:d) | # h",
                    Decision = new() { MayContinue = true, Reason = "Managed | [r](javascript:r) <img src=x onerror=alert(4)>", DecidedBy = "Olive <b>Owner</b>", DecidedAt = new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero) },
                },
            ],
        };
        var (result, robustness) = DocumentCases.Evaluate(pack);

        var html = new[]
        {
            EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Html, DocumentCases.Prepared),
            EvaluationDocuments.AssessmentSummary(result, "a", DocumentOutput.Html, DocumentCases.Prepared),
            EvaluationDocuments.AssessmentSummary(result, "b", DocumentOutput.Html, DocumentCases.Prepared),
        };
        var markdown = new[]
        {
            EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Markdown, DocumentCases.Prepared),
            EvaluationDocuments.AssessmentSummary(result, "a", DocumentOutput.Markdown, DocumentCases.Prepared),
            EvaluationDocuments.AssessmentSummary(result, "b", DocumentOutput.Markdown, DocumentCases.Prepared),
        };

        foreach (var document in html)
        {
            Assert.That(document, Does.Not.Contain("<script>").And.Not.Contain("<img"));
            Assert.That(document, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) | # *bold*"));
            Assert.That(document, Does.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        }

        var tables = 0;
        foreach (var document in markdown)
        {
            Assert.That(document, Does.Not.Contain("<script>").And.Not.Contain("[x](javascript"));
            Assert.That(document, Does.Contain(@"\<script\>alert\(1\)\</script\> \[x\]\(javascript:alert\(1\)\) \| \# \*bold\*"));

            // Every table row keeps its columns: each row has as many unescaped bars as its table's header.
            string? header = null;
            foreach (var line in document.Split('\n'))
            {
                if (!line.StartsWith('|'))
                {
                    header = null;
                    continue;
                }

                if (header is null)
                {
                    header = line;
                    tables++;
                }

                Assert.That(Bars(line), Is.EqualTo(Bars(header)), line);
            }

        }

        Assert.That(tables, Is.GreaterThanOrEqualTo(7), "tables checked: the report's five and at least one in each summary");

        Assert.That(markdown[0], Does.Contain(@"Agreed \<img src=x onerror=alert\(1\)\> \| \[y\]\(javascript:z\)"));
        Assert.That(html[0], Does.Contain("Dee &lt;img src=x onerror=alert(2)&gt; declared a conflict of interest on 4 January 2027, 09:30 UTC: Line one &lt;script&gt;alert(3)&lt;/script&gt; [d](javascript:d) | # h"));
        Assert.That(html[0], Does.Contain("Olive &lt;b&gt;Owner&lt;/b&gt; decided on 5 January 2027, 10:00 UTC that they may continue to score: Managed | [r](javascript:r) &lt;img src=x onerror=alert(4)&gt;"));
        Assert.That(markdown[0], Does.Contain(@"Dee \<img src=x onerror=alert\(2\)\> declared a conflict of interest on 4 January 2027, 09:30 UTC: Line one \<script\>alert\(3\)\</script\> \[d\]\(javascript:d\) \| \# h"));
        Assert.That(html.Length + markdown.Length, Is.EqualTo(6));
    }

    private static int Bars(string row) => row.Replace(@"\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|');

    [Test]
    public void AMisspeltVariableInADocumentTemplate_StopsTheRendering_NamingTheFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("templates-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "templates"), "*.scriban", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var report = Path.Combine(folder, "evaluation", "report.html.scriban");
        File.WriteAllText(report, File.ReadAllText(report).Replace("<h1>Evaluation report and award recommendation</h1>", "<h1>{{ Tender.Tilte }}</h1>", StringComparison.Ordinal));
        var set = TemplateSet.Load(folder);
        var (result, robustness) = DocumentCases.Evaluate(DocumentCases.Provisional());

        var error = Assert.Throws<TemplateException>(() => EvaluationDocuments.Report(result, robustness, [], DocumentOutput.Html, DocumentCases.Prepared, set));

        Assert.That(error!.Message, Does.Contain("report.html.scriban(").And.Contain("Tilte"));
    }

    [Test]
    public void Report_GivesEveryEvaluatorsDeclarationOfConflicts_AndSaysWhoHasNone()
    {
        var example = DocumentCases.Example();
        var evaluators = example.Tender.Evaluators;
        Assert.That(evaluators, Has.Count.GreaterThanOrEqualTo(3), "the example has a panel of at least three");
        var declared = new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero);
        var pack = example with
        {
            ConflictDeclarations =
            [
                new() { EvaluatorId = evaluators[0].Id, DeclaredBy = "Ann Evans", DeclaredAt = declared, Bidders = ["Northgate", "Riverside OH"], HasConflict = false },
                new()
                {
                    EvaluatorId = evaluators[1].Id, DeclaredBy = "Ben Ford", DeclaredAt = declared, Bidders = ["Northgate"], HasConflict = true, Details = "My sister works for Northgate.",
                    Decision = new() { MayContinue = false, Reason = "Stood down; another evaluator takes the lot.", DecidedBy = "Olive Owner", DecidedAt = declared.AddDays(1) },
                },
            ],
        };
        var (result, robustness) = DocumentCases.Evaluate(pack);

        var markdown = EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Markdown, DocumentCases.Prepared);
        var none = EvaluationDocuments.Report(result, robustness, [], DocumentOutput.Markdown, DocumentCases.Prepared);
        var act = pack with { Tender = pack.Tender with { Regime = pack.Tender.Regime with { Regime = ProcurementRegime.ProcurementAct2023 } } };
        var (actResult, actRobustness) = DocumentCases.Evaluate(act);
        var underAct = EvaluationDocuments.Report(actResult, actRobustness, act.ConflictDeclarations, DocumentOutput.Markdown, DocumentCases.Prepared);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("## Conflicts of interest"));
            Assert.That(markdown, Does.Contain($"- Evaluator {evaluators[0].Id}, {evaluators[0].Name}: Ann Evans declared no conflict of interest with any of the 2 bidders named (Northgate, Riverside OH), on 4 January 2027, 09:30 UTC."));
            Assert.That(markdown, Does.Contain($"- Evaluator {evaluators[1].Id}, {evaluators[1].Name}: Ben Ford declared a conflict of interest on 4 January 2027, 09:30 UTC: My sister works for Northgate\\. Olive Owner stood them down from scoring on 5 January 2027, 09:30 UTC: Stood down; another evaluator takes the lot\\."));
            Assert.That(markdown, Does.Contain($"- Evaluator {evaluators[2].Id}, {evaluators[2].Name}: no declaration recorded."));
            Assert.That(markdown, Does.Contain("a declared conflict pauses their scoring").And.Not.Contain("(section 81)"), "the example follows the Provider Selection Regime");
            Assert.That(underAct, Does.Contain("reasonable steps to identify conflicts of interest among those acting for it in the procurement (section 81)"));
            Assert.That(none, Does.Contain("No declarations of conflicts of interest are recorded for this tender's evaluators."));
        });
    }

    [Test]
    public void Report_OfAProvisionalResult_ListsWhatIsOutstanding_AndRecommendsNoAward()
    {
        var (result, robustness) = DocumentCases.Evaluate(DocumentCases.Provisional());

        var report = EvaluationDocuments.Report(result, robustness, [], DocumentOutput.Markdown, DocumentCases.Prepared);

        Assert.That(result.Lots[0].Complete, Is.False);
        Assert.That(report, Does.Contain("The result is provisional. 2 things are outstanding, and no award can be recommended until they are resolved:"));
        Assert.That(report, Does.Contain("- Provider SLIP: the evaluated price of £500,000.00 is below 70% of the median evaluated price"));
        Assert.That(report, Does.Contain("**No award can be recommended yet: the result is provisional until the outstanding items above are resolved."));
        Assert.That(report, Does.Not.Contain("The panel recommends awarding"));
    }

    [Test]
    public void Report_OfACompleteResult_RecommendsTheMostAdvantageousTender_WordedForTheRegime()
    {
        var example = DocumentCases.Example();
        var act = example with { Tender = example.Tender with { Regime = example.Tender.Regime with { Regime = ProcurementRegime.ProcurementAct2023 } } };

        var psr = Render(example);
        var underAct = Render(act);

        Assert.That(psr, Does.Contain("The panel recommends awarding Trusts to Northgate Occupational Health Ltd, the most advantageous tender, with 82.23 of 100."));
        Assert.That(psr, Does.Contain("follow the Provider Selection Regime's own steps").And.Not.Contain("section 51"));
        Assert.That(underAct, Does.Contain("observe the standstill period of 8 working days (section 51)"));
        Assert.That(underAct, Does.Contain("- Regime: Procurement Act 2023").Or.Contain("**Regime:** Procurement Act 2023"));

        static string Render(TenderPack pack)
        {
            var (result, robustness) = DocumentCases.Evaluate(pack);
            return EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Markdown, DocumentCases.Prepared);
        }
    }

    [Test]
    public void Summary_ForAnUnsuccessfulBidder_GivesTheWinnersScores_ButQuotesItsAnswersOnlyWhenAsked()
    {
        var (result, _) = DocumentCases.Evaluate(DocumentCases.Example());
        var winner = result.Lots[0].MostAdvantageous!.Bid;
        var winnerAnswer = winner.Answers[0].Text;
        var ownAnswer = result.Lots[0].Bids.Single(b => b.Bid.Id == "bid-b").Bid.Answers[0].Text;

        var withheld = EvaluationDocuments.AssessmentSummary(result, "bid-b", DocumentOutput.Html, DocumentCases.Prepared);
        var disclosed = EvaluationDocuments.AssessmentSummary(result, "bid-b", DocumentOutput.Html, DocumentCases.Prepared, discloseWinnerAnswers: true);

        Assert.That(withheld, Does.Contain(System.Net.WebUtility.HtmlEncode(ownAnswer)), "the bidder's own answer");
        Assert.That(withheld, Does.Contain($"Scores for {winner.Provider}"));
        Assert.That(withheld, Does.Not.Contain(System.Net.WebUtility.HtmlEncode(winnerAnswer)));
        Assert.That(withheld, Does.Contain("its answers are not quoted. This is the toolkit's default"));
        Assert.That(disclosed, Does.Contain(System.Net.WebUtility.HtmlEncode(winnerAnswer)));
        Assert.That(disclosed, Does.Contain("The winning bid's answers are quoted because the buyer chose to disclose them."));
    }

    [Test]
    public void Summary_GivesEachCriterionItsImportance_ScoreAvailableAndAwarded_AndTheReasons()
    {
        var (result, _) = DocumentCases.Evaluate(DocumentCases.Provisional());
        var lot = result.Lots[0];
        var a = lot.Bids.Single(b => b.Bid.Id == "a");

        var summary = EvaluationDocuments.AssessmentSummary(result, "a", DocumentOutput.Markdown, DocumentCases.Prepared);

        // Q1 is half of s1, s1 is 60 of 80 section points and quality is 140 of 200: 0.5 × 0.75 × 70 = 26.25 points of 100.
        Assert.That(summary, Does.Contain($"| s1 Section s1: Q1 Question Q1 | 26.25 | 0 to 4 | 3 (Good) | {Rounding.Number(a.Sections[0].Questions[0].Points)} |"));
        Assert.That(summary, Does.Contain(@"The panel's consensus: Panel agreed after discussion\."));
        Assert.That(summary, Does.Contain(@"- Evaluator 1 scored 4: e1 on a/Q1\."));
        Assert.That(summary, Does.Contain("# Assessment summary"));
        Assert.That(summary, Does.Contain("This is a draft. The result is provisional"));
    }

    [Test]
    public void Documents_OfAnIcsScaleTender_Render_WithEveryBidAndEvaluatorScore()
    {
        // 40 bids × 200 questions × 10 evaluators: far more loop steps than a small tender, which
        // a tight loop limit in the template engine would refuse.
        var pack = Commissioning.Benchmarks.IcsScaleTender.Create();
        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack, new RobustnessOptions { Samples = 20 });

        var report = EvaluationDocuments.Report(result, robustness, pack.ConflictDeclarations, DocumentOutput.Markdown, DocumentCases.Prepared);
        var text = EvaluationText.Render(result, robustness);

        var bids = result.Lots.Sum(l => l.Bids.Count);
        Assert.That(bids, Is.EqualTo(40));
        Assert.That(report.Split('\n').Count(l => l.StartsWith("  - Q", StringComparison.Ordinal)), Is.EqualTo(bids * 200), "a breakdown line for every bid and question");
        Assert.That(text.Split('\n').Count(l => l.StartsWith("      Q", StringComparison.Ordinal)), Is.EqualTo(bids * 200));
    }
}
