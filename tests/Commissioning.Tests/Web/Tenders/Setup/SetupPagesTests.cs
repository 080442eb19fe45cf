using System.Globalization;
using System.Net;
using Commissioning.Application;
using Commissioning.Application.Accounts;
using Commissioning.Application.Tenders;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Tests.Support;
using Commissioning.Tests.Web.Tenders.Stage;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web.Tenders.Setup;

/// <summary>
/// Setting up a tender in the site through its forms: create it from its details, add members,
/// plan lots (criteria drafted from the members), set weights; publishing refused while a task is
/// incomplete or any problem remains; the set-up pages are the owner's alone.
/// </summary>
[NonParallelizable]
public sealed class SetupPagesTests
{
    private const string Owner = "olive@example.nhs.uk";
    private const string Other = "oscar@example.nhs.uk";

    private static async Task<(SiteFactory Site, HttpClient Client, SiteUser Owner)> SiteAsync()
    {
        var site = new SiteFactory();
        await TestAccounts.CreateAsync(site, Owner, roles: [SiteRoles.Commissioner], organisation: "North ICS", displayName: "Olive Owner");
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, Owner);
        return (site, client, await AwardReady.UserAsync(site, Owner));
    }

    private static string V(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static async Task<TenderSetupState> SetupAsync(SiteFactory site, SiteUser owner, Guid id) =>
        (await site.Services.GetRequiredService<ReadTenderSetup>().HandleAsync(owner, id)).Value;

    private static async Task<Guid> CreateAsync(HttpClient client)
    {
        using var created = await MovePageTests.PostAsync(client, "/tenders/new",
            ("Input.Title", "Occupational health for Riverside"), ("Input.Reference", "RIV-OH-1"), ("Input.Regime", "pa2023"),
            ("Input.Procedure", "Open procedure"), ("Input.Rationale", "Occupational health is not a health care service under the PSR."));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(created));
        var location = created.Headers.Location!.OriginalString;
        Assert.That(location, Does.Match("^/tenders/[0-9a-f-]{36}/setup$"));
        return Guid.Parse(location.Split('/')[2]);
    }

    private static async Task AddMemberAsync(HttpClient client, Guid id, long version, string name, string type, string headcount)
    {
        using var added = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/members/add",
            ("Version", V(version)), ("Input.Name", name), ("Input.Type", type), ("Input.Headcount", headcount),
            ("Input.HostsMedicalTrainees", "no"), ("Input.Delivery", "external"));
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(added));
    }

    [Test]
    public async Task NewTender_WithNothingEntered_SaysWhatIsMissing_AndSavesNothing()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            Assert.That(await MovePageTests.GetAsync(client, "/tenders"), Does.Contain("Create a tender"));
            using var empty = await MovePageTests.PostAsync(client, "/tenders/new", ("Input.Title", " "));
            var text = await MovePageTests.TextAsync(empty);
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("nhsuk-error-summary").And.Contain("Enter the tender's title.")
                .And.Contain("Select the Procurement Act 2023 or the Provider Selection Regime.")
                .And.Contain("Enter why this regime and procedure were chosen."));
            Assert.That(await TenderCalls.Of(site.Services).ListAsync(owner), Is.Empty);
        }
    }

    [Test]
    public async Task ATenderSetUpByItsForms_IsRefusedPublicationUntilEveryTaskIsComplete_ThenPublishes_TakesBids_AndTheCommandLineGivesTheSiteResult()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await CreateAsync(client);
            var list = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup");
            Assert.That(list, Does.Contain("You have completed 0 of 9 tasks").And.Contain("Cannot start yet").And.Contain("Complete member organisations first"));
            Assert.That(list, Does.Contain($"href=\"/tenders/{id}/export\""), "the tender can be downloaded as a file from its set-up");
            using (var file = await client.GetAsync(new Uri($"/tenders/{id}/export", UriKind.Relative)))
            {
                Assert.That(Commissioning.Core.Files.TenderFile.Read(await file.Content.ReadAsStringAsync()).Value.Tender.Title, Is.EqualTo("Occupational health for Riverside"));
            }

            var setup = await SetupAsync(site, owner, id);
            await AddMemberAsync(client, id, setup.Version, "Riverside Hospitals NHS Trust", "acute-trust", "6200");
            setup = await SetupAsync(site, owner, id);
            await AddMemberAsync(client, id, setup.Version, "Riverside Surgery", "gp-practice-or-pcn", "25");
            setup = await SetupAsync(site, owner, id);
            Assert.That(setup.Tender.Members.Select(m => m.Id), Is.EqualTo(new[] { "riverside-hospitals-nhs-trust", "riverside-surgery" }), "ids made from the names; nobody types one");
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/members"), Does.Contain("Riverside Surgery").And.Contain("6,200 staff"));

            using (var marked = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/members?handler=Complete", ("Completion.Version", V(setup.Version)), ("Completion.Completed", "yes")))
            {
                Assert.That(marked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            }

            setup = await SetupAsync(site, owner, id);
            Assert.That(setup[SetupTask.Members].Status, Is.EqualTo(SetupStatus.Completed));
            Assert.That(setup[SetupTask.Lots].Status, Is.EqualTo(SetupStatus.NotStarted));

            // A lot with no members is refused at the form; one for both members drafts the criteria.
            using (var noMembers = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/lots", ("Input.Version", V(setup.Version)), ("Input.Lots[0].Title", "All members")))
            {
                Assert.That(await MovePageTests.TextAsync(noMembers), Does.Contain("Select at least one member organisation the lot serves."));
            }

            using (var lots = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/lots", ("Input.Version", V(setup.Version)), ("Input.Lots[0].Title", "All members"),
                ("Input.Lots[0].Members", "riverside-hospitals-nhs-trust"), ("Input.Lots[0].Members", "riverside-surgery")))
            {
                Assert.That(lots.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(lots));
            }

            setup = await SetupAsync(site, owner, id);
            var lot = setup.Tender.Lots.Single();
            Assert.That(lot.Id, Is.EqualTo("lot-1"));
            Assert.That(lot.Sections, Is.Not.Empty, "criteria drafted from the members' specification");
            Assert.That(lot.Gates, Is.Not.Empty);

            using (var marked = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/lots?handler=Complete", ("Completion.Version", V(setup.Version)), ("Completion.Completed", "yes")))
            {
                Assert.That(marked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            }

            setup = await SetupAsync(site, owner, id);
            Assert.That(setup[SetupTask.AwardCriteria].Status, Is.EqualTo(SetupStatus.InProgress), "drafted, not yet checked by the owner");

            // A weight that is not a number is shown against its field and nothing is saved.
            var question = lot.Sections[0].Questions[0];
            var criteria = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria");
            Assert.That(criteria, Does.Contain(question.Title).And.Contain(question.Text).And.Contain("Sections total: <strong>100%</strong>"));
            using (var bad = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria", ("Input.LotId", "lot-1"), ("Input.Version", V(setup.Version)),
                ("Input.Quality", "70"), ("Input.Price", "40"), ($"Input.Questions[{question.Id}]", "lots")))
            {
                var text = await MovePageTests.TextAsync(bad);
                Assert.That(text, Does.Contain($"Enter the weight of question {question.Id} as a number from 0 to 100"));
                Assert.That(text, Does.Contain($"href=\"#{Commissioning.NhsUk.Forms.FieldIds.From($"Input.Questions[{question.Id}]")}\""), "the summary links to the field");
                Assert.That(text, Does.Contain("Total: <strong>110%</strong> (must be 100%)"), "the total shows what was typed, without JavaScript");
            }

            Assert.That((await SetupAsync(site, owner, id)).Version, Is.EqualTo(setup.Version), "nothing saved");
            using (var weights = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria", ("Input.LotId", "lot-1"), ("Input.Version", V(setup.Version)),
                ("Input.Quality", "70"), ("Input.Price", "30"), ("Input.Completed", "yes")))
            {
                Assert.That(weights.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(weights));
            }

            setup = await SetupAsync(site, owner, id);
            Assert.That(setup.Tender.Lots[0].QualityWeight, Is.EqualTo(70m));
            Assert.That(setup[SetupTask.AwardCriteria].Status, Is.EqualTo(SetupStatus.Completed));

            // Publishing now is refused, each reason naming its task; the tender stays a draft.
            var move = await MovePageTests.GetAsync(client, $"/tenders/{id}/stage/open-for-bids");
            Assert.That(move, Does.Match($"<a[^>]*href=\"/tenders/{id}/setup\"[^>]*id=\"to-setup\"|<a[^>]*id=\"to-setup\"[^>]*href=\"/tenders/{id}/setup\""), "the refusals lead to the task list");
            Assert.That(move, Does.Contain("You cannot make this move yet").And.Contain("Evaluators and moderators: Add at least one evaluator")
                .And.Contain("Gates: mark the task as complete once you have checked it."));
            using (var refused = await MovePageTests.PostAsync(client, $"/tenders/{id}/stage/open-for-bids", ("Move.Version", V(setup.Version))))
            {
                Assert.That(await MovePageTests.TextAsync(refused), Does.Contain("nhsuk-error-summary"));
            }

            Assert.That((await SetupAsync(site, owner, id)).Stage, Is.EqualTo(TenderStage.Draft));

            // The remaining tasks through their forms: details, gates, price, scale, and the panel chosen by name.
            async Task PostAsync(string path, params (string Name, string Value)[] fields)
            {
                var version = (await SetupAsync(site, owner, id)).Version;
                using var response = await MovePageTests.PostAsync(client, path, [.. fields, ("Input.Version", V(version)), ("Completion.Version", V(version))]);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path + ": " + await MovePageTests.TextAsync(response));
            }

            await PostAsync($"/tenders/{id}/setup/details", ("Input.Title", "Occupational health for Riverside"), ("Input.Regime", "pa2023"),
                ("Input.Procedure", "Open procedure"), ("Input.Rationale", "Not a health care service."), ("Input.Completed", "yes"));
            var gates = (await SetupAsync(site, owner, id)).Tender.Lots[0].Gates;
            await PostAsync($"/tenders/{id}/setup/gates", [("Input.LotId", "lot-1"), ("Input.Completed", "yes"),
                .. gates.SelectMany((g, i) => new[] { ($"Input.Gates[{i}].Id", g.Id), ($"Input.Gates[{i}].Title", g.Title), ($"Input.Gates[{i}].Description", g.Description) }),
                ($"Input.Gates[{gates.Count}].Title", "Data protection"), ($"Input.Gates[{gates.Count}].Description", "Meets the Data Security and Protection Toolkit standards.")]);
            var custom = (await SetupAsync(site, owner, id)).Tender.Lots[0].Gates[^1];
            Assert.That((custom.Id, custom.RequirementId), Is.EqualTo(($"G{gates.Count + 1}", (string?)null)), "a custom gate: the next id, no requirement");
            await PostAsync($"/tenders/{id}/setup/price", ("Input.LotId", "lot-1"), ("Input.ContractYears", "3"), ("Input.ExtensionYears", "2"), ("Input.EvaluateExtensions", "yes"),
                ("Input.Method", "Linear"), ("Input.Ceiling", "£1,500,000"), ("Input.AbnormallyLow", "70"), ("Input.QualityMethod", "Absolute"), ("Input.TieBreak", "LowestPrice"), ("Input.Completed", "yes"));
            var price = (await SetupAsync(site, owner, id)).Tender.Lots[0].Price;
            Assert.That((price.EvaluatedYears, price.Method, price.Ceiling), Is.EqualTo((5, PriceMethod.Linear, (decimal?)1_500_000m)));
            // Next year's dates, so that the bids received below are on time whenever the test runs.
            var year = DateTime.UtcNow.Year + 1;
            await PostAsync($"/tenders/{id}/setup/dates", ("Input.Clarification.Day", "12"), ("Input.Clarification.Month", "3"), ("Input.Clarification.Year", year.ToString(CultureInfo.InvariantCulture)),
                ("Input.Bids.Day", "26"), ("Input.Bids.Month", "March"), ("Input.Bids.Year", year.ToString(CultureInfo.InvariantCulture)), ("Input.Completed", "yes"));
            Assert.That((await SetupAsync(site, owner, id)).Tender.BidDeadline, Is.EqualTo(new DateOnly(year, 3, 26)));
            var firstQuestion = (await SetupAsync(site, owner, id)).Tender.Lots[0].Sections[0].Questions[0].Id;
            using (var beyond = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/scale", ("Input.Version", V((await SetupAsync(site, owner, id)).Version)), ("Input.Maximum", "5"),
                ($"Input.QuestionMinimums[lot-1/{firstQuestion}]", "7")))
            {
                Assert.That(await MovePageTests.TextAsync(beyond), Does.Contain($"Enter the minimum for question {firstQuestion} as a whole score from 0 to 5, or leave it empty for none."));
            }

            await PostAsync($"/tenders/{id}/setup/scale", ("Input.Maximum", "5"), ("Input.MinimumQuality[lot-1]", "40"), ($"Input.QuestionMinimums[lot-1/{firstQuestion}]", "2"), ("Input.Completed", "yes"));
            Assert.That((await SetupAsync(site, owner, id)).Tender.Scale.Maximum, Is.EqualTo(5));

            // The words of one level, edited on the same scale: a blank name is refused, a new one kept.
            using (var blankName = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/scale", ("Input.Version", V((await SetupAsync(site, owner, id)).Version)), ("Input.Maximum", "5"), ("Input.Labels[3]", " ")))
            {
                Assert.That(await MovePageTests.TextAsync(blankName), Does.Contain("Enter a name for score 3, such as Good."));
            }

            await PostAsync($"/tenders/{id}/setup/scale", ("Input.Maximum", "5"), ("Input.MinimumQuality[lot-1]", "40"), ($"Input.QuestionMinimums[lot-1/{firstQuestion}]", "2"),
                ("Input.Labels[3]", "Sound"), ("Input.Descriptors[3]", "Meets every part of the requirement with evidence from current practice."));
            var edited = (await SetupAsync(site, owner, id)).Tender.Scale;
            Assert.That((edited.LevelOf(3)!.Label, edited.LevelOf(3)!.Descriptor), Is.EqualTo(("Sound", "Meets every part of the requirement with evidence from current practice.")));
            Assert.That(edited.LevelOf(4), Is.EqualTo(ScoringScale.ZeroToFive.LevelOf(4)), "levels not sent keep their words");
            var thresholds = (await SetupAsync(site, owner, id)).Tender.Lots[0];
            Assert.That(thresholds.Sections[0].Questions[0].MinimumScore, Is.EqualTo(2m), "a question's minimum score, set on the scale task");
            Assert.That(thresholds.Sections.SelectMany(s => s.Questions).Count(q => q.MinimumScore is not null), Is.EqualTo(1));

            var eve = await TestAccounts.CreateAsync(site, "eve@example.nhs.uk", organisation: "North ICS", displayName: "Eve Evaluator");
            var people = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/people");
            Assert.That(people, Does.Contain("Eve Evaluator (eve@example.nhs.uk)"), "chosen by name, not by an id inside the file");
            await PostAsync($"/tenders/{id}/setup/people", ("Input.AccountId", eve), ("Input.Role", "Evaluator"));
            var panel = (await SetupAsync(site, owner, id)).Tender;
            Assert.That(panel.Evaluators.Single().Name, Is.EqualTo("Eve Evaluator"));
            Assert.That(panel.Assignments.Single().LotId, Is.EqualTo("lot-1"));
            using (var again = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/people", ("Input.AccountId", eve), ("Input.Role", "Evaluator"), ("Input.Version", V((await SetupAsync(site, owner, id)).Version))))
            {
                Assert.That(await MovePageTests.TextAsync(again), Does.Contain("Eve Evaluator is already an evaluator of this tender."));
            }

            await PostAsync($"/tenders/{id}/setup/people?handler=Complete", ("Completion.Completed", "yes"));
            await PostAsync($"/tenders/{id}/setup/lots?handler=Complete", ("Completion.Completed", "yes"));
            await PostAsync($"/tenders/{id}/setup/members?handler=Complete", ("Completion.Completed", "yes"));
            var change = site.Services.GetRequiredService<ChangeTenderSetup>();

            setup = await SetupAsync(site, owner, id);
            Assert.That(setup.ReadyToPublish, Is.True, string.Join("; ", setup.Problems.Select(p => p.Message)));
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup"), Does.Contain("Every task is completed").And.Contain("Check and publish"));
            using (var published = await MovePageTests.PostAsync(client, $"/tenders/{id}/stage/open-for-bids", ("Move.Version", V(setup.Version))))
            {
                Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(published));
            }

            setup = await SetupAsync(site, owner, id);
            Assert.That(setup.Stage, Is.EqualTo(TenderStage.OpenForBids));
            Assert.That(setup.LockedBecause, Is.Not.Null);
            var locked = await change.HandleAsync(owner, id, setup.Version, SetupTask.Details, t => Outcome<Tender>.Success(t with { Title = "Changed" }), null);
            Assert.That(locked.Failure, Is.EqualTo(FailureKind.Refused), "published: the definition is fixed");

            // Bids in through the site: two providers' workbooks, downloaded from the bids page and filled in.
            var tender = setup.Tender;
            byte[] blank;
            using (var download = await client.GetAsync(new Uri($"/tenders/{id}/bids?handler=Workbook&lot=lot-1", UriKind.Relative)))
            {
                blank = await download.Content.ReadAsByteArrayAsync();
            }

            var layout = Commissioning.Documents.Excel.Response.ResponseLayout.For(tender, "lot-1", Repository.Standards);
            byte[] Filled(string bidId, string provider, decimal price) => Commissioning.Tests.Documents.Response.ResponseWorkbooks.Edit(blank, book =>
                Commissioning.Tests.Documents.Response.ResponseWorkbooks.Fill(book, layout, Commissioning.Tests.Documents.Response.ResponseWorkbooks.ExampleBid("lot-1") with
                {
                    Id = bidId,
                    Provider = provider,
                    Answers = [.. layout.Questions.Select(q => new Answer { QuestionId = q.Question.Id, Text = $"{provider} on {q.Question.Id}." })],
                    Price = new PriceSchedule { AnnualPrices = [price, price, price], ExtensionPrices = [price, price] },
                }));
            var token = await SiteFactory.GetAntiforgeryTokenAsync(client, $"/tenders/{id}/bids");
            using (var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } })
            {
                form.Add(new ByteArrayContent(Filled("bid-north", "Northgate OH", 280_000m)), "Upload.Files", "north.xlsx");
                form.Add(new ByteArrayContent(Filled("bid-south", "Southgate OH", 240_000m)), "Upload.Files", "south.xlsx");
                using var uploaded = await client.PostAsync(new Uri($"/tenders/{id}/bids", UriKind.Relative), form);
                Assert.That(await MovePageTests.TextAsync(uploaded), Does.Contain("2 bids received"));
            }

            // Evaluated in the site: Eve declares, scores everything and submits.
            var calls = TenderCalls.Of(site.Services);
            Assert.That((await calls.ChangeStageAsync(owner, id, TenderStage.Evaluation, null, setup.Version)).Succeeded, Is.True);
            var evaluator = await AwardReady.UserAsync(site, "eve@example.nhs.uk");
            Assert.That((await calls.DeclareAsync(evaluator, id, "e1", hasConflict: false, null)).Succeeded, Is.True);
            Assert.That(await calls.ScoreTheRestAsync(evaluator, id, "e1", score: 3m), Is.GreaterThan(0));
            Assert.That((await calls.SubmitScoresAsync(evaluator, id, "e1")).Succeeded, Is.True);

            // The tender downloaded from the site and evaluated by the command line gives exactly the site's result.
            var evaluation = (await site.Services.GetRequiredService<EvaluateTender>().HandleAsync(owner, id)).Value;
            var exported = Path.Combine(Directory.CreateTempSubdirectory("site-to-cli-").FullName, "tender.json");
            await File.WriteAllTextAsync(exported, (await calls.ExportAsync(owner, id)).Value);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.That(Commissioning.Cli.CommandLine.Run(["evaluate", exported, "--json"], output, error, Repository.Root), Is.Zero, error.ToString());
            Assert.That(output.ToString().TrimEnd('\n'), Is.EqualTo(Commissioning.Core.Files.EvaluationFile.Write(evaluation.Result, evaluation.Robustness).TrimEnd('\n')));
            Assert.That(evaluation.Result.Lots[0].Bids, Has.Count.EqualTo(2), "both bids evaluated");
        }
    }

    /// <summary>A tender created through the forms with one member, Riverside Surgery, and one lot, Practices, serving it.</summary>
    private static async Task<Guid> OnePracticeOneLotAsync(SiteFactory site, HttpClient client, SiteUser owner)
    {
        var id = await CreateAsync(client);
        await AddMemberAsync(client, id, (await SetupAsync(site, owner, id)).Version, "Riverside Surgery", "gp-practice-or-pcn", "25");
        using var lots = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/lots", ("Input.Version", V((await SetupAsync(site, owner, id)).Version)),
            ("Input.Lots[0].Title", "Practices"), ("Input.Lots[0].Members", "riverside-surgery"));
        Assert.That(lots.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(lots));
        return id;
    }

    [Test]
    public async Task Weights_WrittenAsPoints_AreStoredAsPoints_AndTheTotalsShowEachShare()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await OnePracticeOneLotAsync(site, client, owner);

            var lot = (await SetupAsync(site, owner, id)).Tender.Lots[0];
            (string, string)[] Weights(string unit, string quality) =>
            [
                ("Input.LotId", lot.Id), ("Input.Unit", unit), ("Input.Quality", quality), ("Input.Price", "40"),
                .. lot.Sections.Select((part, i) => ($"Input.Sections[{part.Id}]", i == 0 ? "3" : "1")),
                .. lot.Sections.SelectMany(part => part.Questions).Select(q => ($"Input.Questions[{q.Id}]", "2")),
            ];

            using (var tooMany = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria", [("Input.Version", V((await SetupAsync(site, owner, id)).Version)), .. Weights("points", "2000000")]))
            {
                Assert.That(await MovePageTests.TextAsync(tooMany), Does.Contain("Enter quality's weight as a number of points, for example 60."));
            }

            using (var saved = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria", [("Input.Version", V((await SetupAsync(site, owner, id)).Version)), .. Weights("points", "60")]))
            {
                Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(saved));
            }

            var setup = await SetupAsync(site, owner, id);
            var stored = setup.Tender.Lots[0];
            Assert.That((stored.Weights, stored.SectionWeights, stored.Sections[0].QuestionWeights), Is.EqualTo((WeightUnit.Points, WeightUnit.Points, WeightUnit.Points)));
            Assert.That((stored.QualityWeight, stored.PriceWeight, stored.QualitySharePercent), Is.EqualTo((60m, 40m, 60m)));
            Assert.That(setup.Problems.Where(p => p.Task == SetupTask.AwardCriteria), Is.Empty, "points need not add up to 100");
            var page = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria?lot={lot.Id}");
            Assert.That(page, Does.Contain("Total: <strong>100 points</strong> (quality 60%, price 40%)"));
            Assert.That(page, Does.Contain($"Sections total: <strong>{2 + lot.Sections.Count} points</strong> of quality"));
        }
    }

    [Test]
    public async Task Questions_AreReworded_Reordered_Removed_AndAdded_WithSocialValueWarnedBelowTenPercent()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await OnePracticeOneLotAsync(site, client, owner);

            var lot = (await SetupAsync(site, owner, id)).Tender.Lots[0];
            var criteria = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria?lot={lot.Id}");
            Assert.That(criteria, Does.Contain("No section of this lot is marked as social value and net zero, so they carry 0% of its total."));
            Assert.That(criteria, Does.Contain($"/tenders/{id}/setup/criteria/questions?lot={lot.Id}"));
            var page = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria/questions?lot={lot.Id}");
            Assert.That(page, Does.Contain($"(drafted from {lot.Sections[0].Questions[0].RequirementId})"));

            // Every field as the page shows it, then: the first section's last question moved to first,
            // its first question removed; a social value section added.
            var first = lot.Sections[0];
            List<(string, string)> Form()
            {
                var fields = new List<(string, string)> { ("Input.LotId", lot.Id) };
                for (var s = 0; s < lot.Sections.Count; s++)
                {
                    fields.Add(($"Input.Sections[{s}].Id", lot.Sections[s].Id));
                    fields.Add(($"Input.Sections[{s}].Title", lot.Sections[s].Title));
                    fields.AddRange(lot.Sections[s].Questions.Select((question, q) => ($"Input.Sections[{s}].Questions[{q}].Id", question.Id)));
                }

                return fields;
            }

            var last = first.Questions.Count - 1;
            using (var refused = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria/questions",
                [("Input.Version", V((await SetupAsync(site, owner, id)).Version)), .. Form().Where(f => f.Item1 != "Input.Sections[1].Title"),
                 ("Input.Sections[0].Questions[0].Order", "first"), ("Input.NewSection.Title", "Social value")]))
            {
                var text = await MovePageTests.TextAsync(refused);
                Assert.That(text, Does.Contain($"Enter the title of section {lot.Sections[1].Id}."));
                Assert.That(text, Does.Contain($"Enter the position of question {first.Questions[0].Id} as a whole number, such as 3, or leave it blank."));
                Assert.That(text, Does.Contain("Enter the title of the new section"));

                // The fields are written by name, so the page shows again what was typed.
                var html = await refused.Content.ReadAsStringAsync();
                Assert.That(html, Does.Contain("name=\"Input.Sections[0].Questions[0].Order\" type=\"text\" value=\"first\""));
                Assert.That(html, Does.Contain($"name=\"Input.Sections[0].Title\" type=\"text\" value=\"{System.Net.WebUtility.HtmlEncode(lot.Sections[0].Title)}\""));
            }

            Assert.That((await SetupAsync(site, owner, id)).Tender.Lots[0].Sections.SequenceEqual(lot.Sections, new SectionText()), Is.True, "nothing saved");
            using (var saved = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria/questions",
                [("Input.Version", V((await SetupAsync(site, owner, id)).Version)), .. Form(),
                 ($"Input.Sections[0].Questions[{last}].Order", "1"), ("Input.Sections[0].Questions[0].Remove", "yes"),
                 ("Input.NewSection.Title", "Social value and net zero"), ("Input.NewSection.SocialValue", "yes"),
                 ("Input.NewSection.QuestionTitle", "Net zero"), ("Input.NewSection.QuestionText", "How will you cut the service's carbon emissions?")]))
            {
                Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(saved));
                Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/setup/criteria?lot={lot.Id}"));
            }

            var changed = (await SetupAsync(site, owner, id)).Tender.Lots[0];
            Assert.That(changed.Sections[0].Questions.Select(q => q.Id), Is.EqualTo(new[] { first.Questions[last].Id }.Concat(first.Questions.Skip(1).Take(last - 1).Select(q => q.Id))));
            var social = changed.Sections[^1];
            Assert.That((social.Title, social.SocialValue, social.Questions.Single().Text), Is.EqualTo(("Social value and net zero", true, "How will you cut the service's carbon emissions?")));
            var shown = await (await client.GetAsync($"/tenders/{id}/setup/criteria/questions?lot={lot.Id}")).Content.ReadAsStringAsync();
            Assert.That(shown, Does.Contain($"name=\"Input.Sections[{changed.Sections.Count - 1}].SocialValue\" type=\"checkbox\" value=\"yes\" checked"), "the social value section shown ticked");
            Assert.That(shown, Does.Contain($"name=\"Input.Sections[{changed.Sections.Count - 1}].Title\" type=\"text\" value=\"Social value and net zero\""));
            Assert.That(shown, Does.Not.Contain("name=\"Input.Sections[0].SocialValue\" type=\"checkbox\" value=\"yes\" checked"));

            // One question reworded on its own page, and a custom question added to the second section.
            var moved = changed.Sections[0].Questions[0];
            using (var blank = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/question?lot={lot.Id}&question={moved.Id}",
                ("Input.Version", V((await SetupAsync(site, owner, id)).Version)), ("Input.LotId", lot.Id), ("Input.QuestionId", moved.Id), ("Input.Title", " "), ("Input.Text", moved.Text)))
            {
                Assert.That(await MovePageTests.TextAsync(blank), Does.Contain("Enter the title of the question."));
            }

            using (var reworded = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/question?lot={lot.Id}&question={moved.Id}",
                ("Input.Version", V((await SetupAsync(site, owner, id)).Version)), ("Input.LotId", lot.Id), ("Input.QuestionId", moved.Id), ("Input.Title", "Reworded <b>title</b>"), ("Input.Text", "Tell us how.")))
            {
                Assert.That(reworded.Headers.Location!.OriginalString, Is.EqualTo($"/tenders/{id}/setup/criteria/questions?lot={lot.Id}"));
            }

            var second = changed.Sections[1];
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/question?lot={lot.Id}&section={second.Id}"), Does.Contain($"Add a question to section {second.Id}"));
            using (var custom = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/question?lot={lot.Id}&section={second.Id}",
                ("Input.Version", V((await SetupAsync(site, owner, id)).Version)), ("Input.LotId", lot.Id), ("Input.SectionId", second.Id), ("Input.Title", "Local knowledge"), ("Input.Text", "Describe your knowledge of the area.")))
            {
                Assert.That(custom.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(custom));
            }

            changed = (await SetupAsync(site, owner, id)).Tender.Lots[0];
            Assert.That((changed.Sections[0].Questions[0].Title, changed.Sections[0].Questions[0].Text, changed.Sections[0].Questions[0].RequirementId), Is.EqualTo(("Reworded <b>title</b>", "Tell us how.", moved.RequirementId)));
            var local = changed.Sections[1].Questions[^1];
            Assert.That((local.Title, local.RequirementId, local.Weight), Is.EqualTo(("Local knowledge", (string?)null, 0m)));
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria/questions?lot={lot.Id}"), Does.Contain($"Question added to section {second.Id}.").And.Contain($"{local.Id} Local knowledge</strong> (custom)"));
            using (var gone = await client.GetAsync(new Uri($"/tenders/{id}/setup/question?lot={lot.Id}&question={first.Questions[0].Id}", UriKind.Relative)))
            {
                Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a removed question");
            }

            // The new section has no weight yet: the criteria task lists it, and the warning gives the share as saved.
            var setup = await SetupAsync(site, owner, id);
            Assert.That(setup.Problems.Where(p => p.Task == SetupTask.AwardCriteria).Select(p => p.Message), Has.Some.Contains($"The weight of section {social.Id}").And.Some.Contains($"Question {local.Id} in lot 1 (Practices) has a weight of 0%"));
            criteria = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria?lot={lot.Id}");
            Assert.That(criteria, Does.Contain("Social value and net zero carry 0% of this lot's total, as saved."));
            Assert.That(await client.GetStringAsync(new Uri($"/tenders/{id}/setup/criteria?lot={lot.Id}", UriKind.Relative)), Does.Contain("Reworded &lt;b&gt;title&lt;/b&gt;"), "encoded, as raw markup");

            // Weighted at 10% of quality with quality at 60%, social value carries 6%: still warned; at 20% of quality, 12%: not.
            async Task SaveWeightsAsync(int social)
            {
                var current = (await SetupAsync(site, owner, id)).Tender.Lots[0];
                var others = current.Sections.Where(s => !s.SocialValue).ToList();
                var each = (100 - social) / (decimal)others.Count;
                var sections = others.Select((s, i) => ($"Input.Sections[{s.Id}]", (i == 0 ? 100 - social - Math.Round(each, 2) * (others.Count - 1) : Math.Round(each, 2)).ToString(CultureInfo.InvariantCulture)));
                using var weights = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/criteria",
                [
                    ("Input.Version", V((await SetupAsync(site, owner, id)).Version)), ("Input.LotId", lot.Id), ("Input.Unit", "percent"), ("Input.Quality", "60"), ("Input.Price", "40"),
                    .. sections, ($"Input.Sections[{current.Sections[^1].Id}]", social.ToString(CultureInfo.InvariantCulture)),
                    .. current.Sections.SelectMany(s => s.Questions.Select((q, i) => ($"Input.Questions[{q.Id}]", (i == 0 ? 100 - Math.Round(100m / s.Questions.Count, 2) * (s.Questions.Count - 1) : Math.Round(100m / s.Questions.Count, 2)).ToString(CultureInfo.InvariantCulture)))),
                ]);
                Assert.That(weights.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(weights));
            }

            await SaveWeightsAsync(10);
            Assert.That((await SetupAsync(site, owner, id)).Problems.Where(p => p.Task == SetupTask.AwardCriteria), Is.Empty);
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria?lot={lot.Id}"), Does.Contain("Social value and net zero carry 6% of this lot's total, as saved."));
            await SaveWeightsAsync(20);
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/criteria?lot={lot.Id}"), Does.Not.Contain("Social value and net zero carry"));
        }
    }

    private sealed class SectionText : IEqualityComparer<Section>
    {
        public bool Equals(Section? x, Section? y) => x is not null && y is not null && x.Id == y.Id && x.Title == y.Title && x.Questions.Select(q => (q.Id, q.Title, q.Text)).SequenceEqual(y.Questions.Select(q => (q.Id, q.Title, q.Text)));

        public int GetHashCode(Section obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }

    [Test]
    public async Task MembersSavedOnTheOwnersOtherTenders_AreOfferedAndAdded_NeverAnotherCommissioners()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var earlier = await CreateAsync(client);
            await AddMemberAsync(client, earlier, (await SetupAsync(site, owner, earlier)).Version, "Riverside Surgery", "gp-practice-or-pcn", "25");
            await AddMemberAsync(client, earlier, (await SetupAsync(site, owner, earlier)).Version, "St Clare Hospice", "small-organisation", "140");

            // Another commissioner's member is never offered.
            await TestAccounts.CreateAsync(site, Other, roles: [SiteRoles.Commissioner], organisation: "South ICS", displayName: "Oscar Other");
            using var other = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(other, Other);
            var theirs = await CreateAsync(other);
            await AddMemberAsync(other, theirs, (await SetupAsync(site, await AwardReady.UserAsync(site, Other), theirs)).Version, "Southern Secret Trust", "acute-trust", "900");

            var id = await CreateAsync(client);
            await AddMemberAsync(client, id, (await SetupAsync(site, owner, id)).Version, "St Clare Hospice", "small-organisation", "140");
            var page = await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/members");
            Assert.That(page, Does.Contain("Or choose organisations you have described before").And.Contain("Saved on Occupational health for Riverside."));
            Assert.That(page, Does.Not.Contain("Southern Secret Trust"), "another commissioner's");
            var offered = (await site.Services.GetRequiredService<SavedProfiles>().HandleAsync(owner, id)).Value;
            Assert.That(offered.Select(p => p.Profile.Name), Is.EqualTo(new[] { "Riverside Surgery" }), "one already a member by name is left out");

            using (var none = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/members?handler=Saved", ("Choose.Version", V((await SetupAsync(site, owner, id)).Version))))
            {
                Assert.That(await MovePageTests.TextAsync(none), Does.Contain("Select one or more organisations to add."));
            }

            var theirKey = $"{theirs:N}/southern-secret-trust";
            using (var forged = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/members?handler=Saved", ("Choose.Version", V((await SetupAsync(site, owner, id)).Version)), ("Choose.Chosen", offered[0].Key), ("Choose.Chosen", theirKey)))
            {
                Assert.That(await MovePageTests.TextAsync(forged), Does.Contain("Nothing was added"));
            }

            Assert.That((await SetupAsync(site, owner, id)).Tender.Members.Select(m => m.Profile.Name), Is.EqualTo(new[] { "St Clare Hospice" }), "all or nothing");
            using (var added = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/members?handler=Saved", ("Choose.Version", V((await SetupAsync(site, owner, id)).Version)), ("Choose.Chosen", offered[0].Key)))
            {
                Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await MovePageTests.TextAsync(added));
            }

            var members = (await SetupAsync(site, owner, id)).Tender.Members;
            Assert.That(members.Select(m => (m.Profile.Name, m.Profile.Headcount)), Is.EqualTo(new[] { ("St Clare Hospice", 140), ("Riverside Surgery", 25) }));
            Assert.That(await MovePageTests.GetAsync(client, $"/tenders/{id}/setup/members"), Does.Contain("1 organisation added.").And.Not.Contain("Or choose organisations you have described before"));
        }
    }

    [Test]
    public async Task AChangeFromAPageShownBeforeSomeoneElsesSave_IsAConflict_AndOverwritesNothing()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await CreateAsync(client);
            var first = await SetupAsync(site, owner, id);
            await AddMemberAsync(client, id, first.Version, "Riverside Surgery", "gp-practice-or-pcn", "25");

            using var stale = await MovePageTests.PostAsync(client, $"/tenders/{id}/setup/members/add",
                ("Version", V(first.Version)), ("Input.Name", "St Clare Hospice"), ("Input.Type", "small-organisation"), ("Input.Headcount", "120"),
                ("Input.HostsMedicalTrainees", "no"), ("Input.Delivery", "external"));
            Assert.That(await MovePageTests.TextAsync(stale), Does.Contain("Your change was not saved, so nothing was overwritten."));
            Assert.That((await SetupAsync(site, owner, id)).Tender.Members.Select(m => m.Profile.Name), Is.EqualTo(new[] { "Riverside Surgery" }));
        }
    }

    [Test]
    public async Task SetupPages_AreTheOwnersOnly_AnotherCommissionerGets404()
    {
        var (site, client, _) = await SiteAsync();
        using (site)
        using (client)
        {
            var id = await CreateAsync(client);
            await TestAccounts.CreateAsync(site, Other, roles: [SiteRoles.Commissioner], organisation: "South ICS", displayName: "Oscar Other");
            using var other = site.CreateNonRedirectingClient();
            await TestAccounts.SignInAsync(other, Other);
            foreach (var path in new[] { "setup", "setup/details", "setup/members", "setup/members/add", "setup/lots", "setup/criteria", "setup/criteria/questions", "setup/gates", "setup/price", "setup/scale", "setup/dates", "setup/people" })
            {
                using var response = await other.GetAsync(new Uri($"/tenders/{id}/{path}", UriKind.Relative));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            }

            // A form posted with the other's own valid antiforgery token changes nothing either.
            var token = await SiteFactory.GetAntiforgeryTokenAsync(other, "/tenders/new");
            using var form = new FormUrlEncodedContent([new("Input.Title", "Taken"), new("Input.Regime", "pa2023"), new("Input.Procedure", "Open"), new("Input.Rationale", "x"), new("Input.Version", "1"), new("__RequestVerificationToken", token)]);
            using var post = await other.PostAsync(new Uri($"/tenders/{id}/setup/details", UriKind.Relative), form);
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task AnEvaluatorPlace_IsOnePersons_ASecondAccountOrASecondPlaceIsRefused()
    {
        var (site, client, owner) = await SiteAsync();
        using (site)
        using (client)
        {
            var team = TenderCalls.Of(site.Services);
            var id = (await team.ImportAsync(owner, AwardReady.ExampleFile(act: true))).Value;
            await TestAccounts.CreateAsync(site, "ann@example.nhs.uk", organisation: "North ICS", displayName: "Ann");
            await TestAccounts.CreateAsync(site, "ben@example.nhs.uk", organisation: "North ICS", displayName: "Ben");
            Assert.That((await team.AddPersonAsync(owner, id, "ann@example.nhs.uk", TenderRole.Evaluator, "e1", [], null)).Succeeded, Is.True);

            var second = await team.AddPersonAsync(owner, id, "ben@example.nhs.uk", TenderRole.Evaluator, "e1", [], null);
            Assert.That(second.Errors.Select(e => e.Message), Has.Some.StartsWith("Someone else already holds the evaluator place e1."), "the second account would see the first's unsubmitted scores");
            var otherPlace = await team.AddPersonAsync(owner, id, "ann@example.nhs.uk", TenderRole.Moderator, "e2", [], null);
            Assert.That(otherPlace.Errors.Select(e => e.Message), Has.Some.StartsWith("This person already holds another evaluator place"));
            Assert.That((await team.PeopleAsync(owner, id)).Value.Count(p => p.EvaluatorId is not null), Is.EqualTo(1));
        }
    }
}
