using System.Net;
using Commissioning.Application.Accounts;
using Commissioning.Core.Lifecycle;
using Commissioning.Tests.Support;
using Microsoft.Playwright;

namespace Commissioning.Tests.Browser;

/// <summary>
/// A commissioner who has never seen a tender file sets up a tender in Chromium: creates it, adds
/// three member organisations (two with the profile form, one from a profiles file), plans two
/// lots, works through every task, is refused publication while a weight does not add up, fixes
/// it and publishes. Axe checks every page and error state; text typed into the set-up's
/// free-text fields is hostile markup, and none of it runs.
/// </summary>
public sealed class SetupJourneyBrowserTests : BrowserTest
{
    private const string Owner = "olive@example.nhs.uk";

    private readonly List<string> _dialogs = [];

    private async Task CheckAsync(IPage page, string name)
    {
        Assert.That(await page.Locator("img[src='x']").CountAsync(), Is.Zero, $"{name}: typed markup became an element");
        await AssertAccessibleAsync(page, "setup-" + name);
    }

    private static async Task CompleteAsync(IPage page, string button)
    {
        await page.CheckAsync("main input[name$='.Completed'][value='yes']");
        await page.ClickAsync($"main button:has-text('{button}')");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up the tender");
    }

    [Test]
    public async Task ANewcomer_SetsUpATwoLotTenderForThreeMembers_IsRefusedWithAProblemLeft_FixesItAndPublishes()
    {
        await TestAccounts.CreateAsync(Site, Owner, roles: [SiteRoles.Commissioner], organisation: "Riverside ICB", displayName: "Olive Owner");
        await TestAccounts.CreateAsync(Site, "eve@example.nhs.uk", organisation: "Riverside ICB", displayName: "Eve Evaluator");
        await TestAccounts.CreateAsync(Site, "max@example.nhs.uk", organisation: "Riverside ICB", displayName: "Max Moderator");
        await TestAccounts.CreateAsync(Site, "pat@northgate.example", organisation: "Northgate OH", organisationKind: Commissioning.Core.Lifecycle.OrganisationKind.Provider, displayName: "Pat Provider");
        await TestAccounts.CreateAsync(Site, "dee@delta.example", organisation: "Delta Health", organisationKind: Commissioning.Core.Lifecycle.OrganisationKind.Provider, displayName: "Dee Delta");
        var hostile = XssCorpus.Payloads.Where(p => p.PassesTheForms(XssCorpus.Fields.Approver)).Take(5).ToList();
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync(BaseUrl + "/account/sign-in");
        await page.FillAsync("#email", Owner);
        await page.FillAsync("#password", TestAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));

        // Create: the details, first with nothing entered.
        await page.GotoAsync(BaseUrl + "/tenders");
        await page.ClickAsync("main a:has-text('Create a tender')");
        await CheckAsync(page, "new");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the tender's title.");
        await CheckAsync(page, "new-errors");
        var title = "Occupational health " + hostile[0].For(XssCorpus.Fields.Approver)[..Math.Min(120, hostile[0].For(XssCorpus.Fields.Approver).Length)];
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Your reference (optional)").FillAsync("RIV-OH-2027");
        await page.GetByLabel("Procurement Act 2023").CheckAsync();
        await page.GetByLabel("Procedure or process").FillAsync("Open procedure");
        await page.GetByLabel("Why this regime and procedure?").FillAsync("Occupational health is not a health care service under the PSR. " + hostile[1].Text);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Set up the tender");
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync(title);
        await CheckAsync(page, "task-list-new");
        var tender = page.Url.Replace("/setup", string.Empty, StringComparison.Ordinal);

        await page.ClickAsync("main a:has-text('Tender details')");
        await CheckAsync(page, "details");
        await CompleteAsync(page, "Save and return");

        // Members: two by the profile form (one with its errors first), one from a profiles file.
        await page.ClickAsync("main a:has-text('Member organisations')");
        await CheckAsync(page, "members-none");
        await page.ClickAsync("main a:has-text('Add a member organisation')");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the name of the organisation");
        await CheckAsync(page, "member-errors");
        foreach (var (name, type, headcount) in new[] { ("Riverside Hospitals NHS Trust", "acute-trust", "6200"), ("Riverside Surgery " + hostile[2].For(XssCorpus.Fields.Approver)[..Math.Min(60, hostile[2].For(XssCorpus.Fields.Approver).Length)], "gp-practice-or-pcn", "25") })
        {
            if (!page.Url.EndsWith("/add", StringComparison.Ordinal))
            {
                await page.ClickAsync("main a:has-text('Add a member organisation')");
            }

            await page.GetByLabel("Name of the organisation").FillAsync(name);
            await page.CheckAsync($"input[name='Input.Type'][value='{type}']");
            await page.GetByLabel("How many staff does it employ?").FillAsync(headcount);
            await page.CheckAsync("input[name='Input.HostsMedicalTrainees'][value='no']");
            await page.CheckAsync("input[name='Input.Delivery'][value='external']");
            await page.ClickAsync("main button[type=submit]");
            await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("added.");
        }

        var profiles = Path.Combine(Path.GetTempPath(), $"profiles-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(profiles, """{ "format": "oh-profiles", "version": 1, "organisations": [ { "name": "St Clare Hospice", "type": "small-organisation", "headcount": 140, "hostsMedicalTrainees": false, "currentDelivery": "external" } ] }""");
        await page.SetInputFilesAsync("input[type=file][name='Upload.File']", profiles);
        await page.ClickAsync("main button:has-text('Add from the file')");
        File.Delete(profiles);
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("St Clare Hospice");
        await CheckAsync(page, "members");
        await CompleteAsync(page, "Save and return");

        // Lots: the trust alone, and primary care with the hospice.
        await page.ClickAsync("main a:has-text('Lots')");
        await CheckAsync(page, "lots-first");
        await page.FillAsync("input[name='Input.Lots[0].Title']", "Trust");
        await page.UncheckAsync("input[name='Input.Lots[0].Members'][value^='riverside-surgery']");
        await page.UncheckAsync("input[name='Input.Lots[0].Members'][value='st-clare-hospice']");
        await page.ClickAsync("main button:has-text('Save the lots')");
        await page.FillAsync("input[name='Input.Lots[1].Title']", "Primary care and hospice " + hostile[3].For(XssCorpus.Fields.Approver)[..Math.Min(60, hostile[3].For(XssCorpus.Fields.Approver).Length)]);
        await page.CheckAsync("input[name='Input.Lots[1].Members'][value^='riverside-surgery']");
        await page.CheckAsync("input[name='Input.Lots[1].Members'][value='st-clare-hospice']");
        await page.ClickAsync("main button:has-text('Save the lots')");
        await CheckAsync(page, "lots");
        await CompleteAsync(page, "Save and return");

        // Each lot's criteria, gates and price; the first lot's quality and price left adding up to 110%.
        foreach (var lot in new[] { "lot-1", "lot-2" })
        {
            await page.GotoAsync($"{tender}/setup/criteria?lot={lot}");
            if (lot == "lot-1")
            {
                await CheckAsync(page, "criteria");
                await page.FillAsync("#quality", "70");
                await page.FillAsync($"#{Commissioning.NhsUk.Forms.FieldIds.From("Input.Questions[Q1.1]")}", "many");
                await page.ClickAsync("main button:has-text('Save the weights')");
                await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the weight of question Q1.1");
                await Assertions.Expect(page.Locator("#total-quality-price")).ToContainTextAsync("110% (must be 100%)");
                await CheckAsync(page, "criteria-errors");
                await page.FillAsync($"#{Commissioning.NhsUk.Forms.FieldIds.From("Input.Questions[Q1.1]")}", "12.5");
            }
            else
            {
                // The second lot gains a social value and net zero section (warned at 0% until weighted), with corpus text in its question.
                await Assertions.Expect(page.Locator("#social-value-warning")).ToContainTextAsync("No section of this lot is marked as social value and net zero");
                await page.ClickAsync("main a:has-text('Add, remove, reword or reorder')");
                await CheckAsync(page, "questions");

                // A question reworded on its own page, with corpus text; it keeps its place and its basis.
                await page.Locator("main a:has-text('Change')").First.ClickAsync();
                await CheckAsync(page, "question");
                await page.FillAsync("#text", "How do you keep advice independent? " + hostile[4].Text);
                await page.ClickAsync("main button:has-text('Save the question')");
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("saved.");
                await CheckAsync(page, "questions-reworded");

                await page.FillAsync("#new-section-title", "Social value and net zero");
                await page.CheckAsync("input[name='Input.NewSection.SocialValue']");
                await page.FillAsync("#new-section-question-title", "Net zero " + hostile[2].For(XssCorpus.Fields.Approver)[..Math.Min(60, hostile[2].For(XssCorpus.Fields.Approver).Length)]);
                await page.FillAsync("#new-section-question-text", "How will you cut the service's carbon emissions? " + hostile[2].Text);
                await page.ClickAsync("main button:has-text('Save the sections and questions')");
                await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Give the new section a weight below.");
                await Assertions.Expect(page.Locator("#social-value-warning")).ToContainTextAsync("carry 0% of this lot's total");
                await page.CheckAsync("input[name='Input.Unit'][value='points']");
                await page.Locator("main input[name^='Input.Sections[']").Last.FillAsync("25");
                await page.ClickAsync("main button:has-text('Save the weights')");
                await Assertions.Expect(page.Locator("#social-value-warning")).ToHaveCountAsync(0);
                await CheckAsync(page, "criteria-social-value");
            }

            await CompleteAsync(page, "Save the weights");
            await page.GotoAsync($"{tender}/setup/gates?lot={lot}");
            if (lot == "lot-1")
            {
                await CheckAsync(page, "gates");
                await page.Locator("main input[name$='.Title']").Last.FillAsync("Data protection " + hostile[0].For(XssCorpus.Fields.Approver)[..Math.Min(60, hostile[0].For(XssCorpus.Fields.Approver).Length)]);
                await page.Locator("main textarea").Last.FillAsync("Meets the Data Security and Protection Toolkit standards. " + hostile[1].Text);
            }

            await CompleteAsync(page, "Save the gates");
            await page.GotoAsync($"{tender}/setup/price?lot={lot}");
            if (lot == "lot-1")
            {
                await CheckAsync(page, "price");
                await page.CheckAsync("input[name='Input.Method'][value='Linear']");
                await page.FillAsync("#ceiling", "1,500,000");
            }

            await CompleteAsync(page, "Save");
        }

        await page.ClickAsync("main a:has-text('Scale and thresholds')");
        await CheckAsync(page, "scale");
        await CompleteAsync(page, "Save");

        await page.ClickAsync("main a:has-text('Key dates')");
        await page.FillAsync("#clarification-day", "12");
        await page.FillAsync("#clarification-month", "3");
        // Next year's dates, so that the bids uploaded below are on time whenever the test runs.
        var year = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#clarification-year", year);
        await page.FillAsync("#bids-day", "30");
        await page.FillAsync("#bids-month", "2");
        await page.FillAsync("#bids-year", year);
        await page.ClickAsync("main button:has-text('Save')");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("must be a real date");
        await CheckAsync(page, "dates-errors");
        await page.FillAsync("#bids-day", "26");
        await page.FillAsync("#bids-month", "3");
        await CompleteAsync(page, "Save");

        await page.ClickAsync("main a:has-text('Evaluators and moderators')");
        await CheckAsync(page, "people-none");
        await page.SelectOptionAsync("select[name='Input.AccountId']", new SelectOptionValue { Label = "Eve Evaluator (eve@example.nhs.uk)" });
        await page.CheckAsync("input[name='Input.Role'][value='Evaluator']");
        await page.ClickAsync("main button:has-text('Add to the panel')");
        await page.SelectOptionAsync("select[name='Input.AccountId']", new SelectOptionValue { Label = "Max Moderator (max@example.nhs.uk)" });
        await page.CheckAsync("input[name='Input.Role'][value='Moderator']");
        await page.ClickAsync("main button:has-text('Add to the panel')");
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("Max Moderator");
        await CheckAsync(page, "people");
        await CompleteAsync(page, "Save and return");

        // Refused: the first lot's weights still add up to 110%, and the list links to the task.
        await Assertions.Expect(page.Locator("#setup-problems")).ToContainTextAsync("Quality and price weights for lot 1 (Trust) add up to 110%");
        await CheckAsync(page, "task-list-refused");
        await page.GotoAsync(tender + "/stage/open-for-bids");
        await Assertions.Expect(page.Locator("#refusals")).ToContainTextAsync("Award criteria: Quality and price weights for lot 1 (Trust) add up to 110%");
        await CheckAsync(page, "publish-refused");

        await page.GotoAsync(tender + "/setup");
        await page.ClickAsync("#setup-problems a:has-text('Award criteria')");
        await page.FillAsync("#price", "30");
        await CompleteAsync(page, "Save the weights");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have completed 9 of 9 tasks.");
        await CheckAsync(page, "task-list-done");
        await page.ClickAsync("main a:has-text('Check and publish')");
        await CheckAsync(page, "publish");
        await page.ClickAsync("main button:has-text('Confirm')");
        await Assertions.Expect(page.Locator("#stage-now")).ToHaveTextAsync("Open for bids");

        var locked = await page.APIRequest.GetAsync(tender + "/setup/lots");
        Assert.That(locked.Status, Is.EqualTo((int)HttpStatusCode.OK));
        Assert.That(await locked.TextAsync(), Does.Contain("The tender is open for bids").Or.Contain("cannot").IgnoreCase, "published: the set-up pages say why nothing changes");

        // Bids in: the owner invites two provider organisations, who each download their lot's
        // workbook, fill it in and upload it themselves.
        await page.ClickAsync("main a:has-text('Receive bids')");
        await CheckAsync(page, "bids-none");
        foreach (var organisation in new[] { "Northgate OH", "Delta Health" })
        {
            await page.SelectOptionAsync("select[name='Invite.OrganisationId']", new SelectOptionValue { Label = organisation });
            await page.ClickAsync("main button:has-text('Invite')");
            await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync(organisation);
        }

        var stored = Commissioning.Core.Files.TenderFile.Read(await (await page.APIRequest.GetAsync(tender + "/export")).TextAsync()).Value.Tender;
        foreach (var (email, lotId, reference, name) in new[] { ("pat@northgate.example", "lot-1", "bid-northgate", "Northgate OH"), ("dee@delta.example", "lot-2", "bid-delta", "Delta Health " + hostile[4].For(XssCorpus.Fields.Approver)[..Math.Min(60, hostile[4].For(XssCorpus.Fields.Approver).Length)]) })
        {
            await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var provider = await NewPageAsync(context);
            provider.Dialog += async (_, dialog) =>
            {
                _dialogs.Add(dialog.Message);
                await dialog.DismissAsync();
            };
            await provider.GotoAsync(BaseUrl + "/account/sign-in");
            await provider.FillAsync("#email", email);
            await provider.FillAsync("#password", TestAccounts.Password);
            await provider.ClickAsync("main button[type=submit]");
            await provider.WaitForURLAsync(url => !url.Contains("sign-in", StringComparison.Ordinal));
            await provider.GotoAsync(BaseUrl + "/tenders");
            await Assertions.Expect(provider.Locator("main")).ToContainTextAsync("Invited to bid");
            await provider.ClickAsync($"main a:has-text('{title[..20]}')");
            await provider.ClickAsync("main a:has-text('Your bid')");
            await CheckAsync(provider, $"respond-{lotId}");
            var blank = await provider.RunAndWaitForDownloadAsync(() => provider.Locator($"main a[href*='lot={lotId}&']").ClickAsync());
            var blankPath = Path.Combine(Path.GetTempPath(), $"setup-journey-{reference}-{Guid.NewGuid():N}.xlsx");
            await blank.SaveAsAsync(blankPath);
            var lotLayout = Commissioning.Documents.Excel.Response.ResponseLayout.For(stored, lotId, Repository.Standards);
            var response = Commissioning.Tests.Documents.Response.ResponseWorkbooks.Edit(await File.ReadAllBytesAsync(blankPath), book => Commissioning.Tests.Documents.Response.ResponseWorkbooks.Fill(book, lotLayout, Filled(lotLayout, lotId, reference, name)));
            File.Delete(blankPath);
            await provider.SetInputFilesAsync("input[type=file][name='Upload.Files']", [new FilePayload { Name = $"{reference}.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = response }]);
            await provider.ClickAsync("main button:has-text('Upload and check')");
            await Assertions.Expect(provider.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your bid was received");
            await Assertions.Expect(provider.Locator("#receipts ~ .nhsuk-card")).ToContainTextAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(response)));
            Assert.That(await provider.Locator("main").InnerTextAsync(), Does.Not.Contain(lotId == "lot-1" ? "bid-delta" : "bid-northgate"), "a provider sees its own bid only");
            await CheckAsync(provider, $"respond-{lotId}-received");
            if (lotId == "lot-2")
            {
                await provider.ClickAsync("main a:has-text('Withdraw this bid')");
                await CheckAsync(provider, "withdraw");
                await provider.GotoAsync($"{tender}/respond");
            }
        }

        await page.ReloadAsync();
        Assert.That(await page.Locator("main table").Last.InnerTextAsync(), Does.Contain("bid-northgate").And.Contain("bid-delta"));

        // The owner uploads a third response, which came by email: lot 1's workbook filled in (its
        // provider's name hostile markup), with lot 2's left blank by mistake.
        var workbooks = new Dictionary<string, byte[]>();
        foreach (var (lotTitle, index) in new[] { ("Trust", 0), ("Practices and hospice", 1) })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a:has-text('Download the response workbook for')").Nth(index).ClickAsync());
            var path = Path.Combine(Path.GetTempPath(), $"setup-journey-lot-{index + 1}-{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(path);
            workbooks[$"lot-{index + 1}"] = await File.ReadAllBytesAsync(path);
            File.Delete(path);
            Assert.That(download.SuggestedFilename, Does.EndWith($"lot-{index + 1}-response-workbook.xlsx"), lotTitle);
        }

        var layout = Commissioning.Documents.Excel.Response.ResponseLayout.For(stored, "lot-1", Repository.Standards);
        var bid = Filled(layout, "lot-1", "bid-riverside-oh", "Riverside OH " + hostile[2].For(XssCorpus.Fields.Approver)[..Math.Min(80, hostile[2].For(XssCorpus.Fields.Approver).Length)]);
        var filled = Commissioning.Tests.Documents.Response.ResponseWorkbooks.Edit(workbooks["lot-1"], book => Commissioning.Tests.Documents.Response.ResponseWorkbooks.Fill(book, layout, bid));
        await page.SetInputFilesAsync("input[type=file][name='Upload.Files']",
        [
            new FilePayload { Name = "riverside-oh.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = filled },
            new FilePayload { Name = "blank-lot-2.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbooks["lot-2"] },
        ]);
        await page.ClickAsync("main button:has-text('Upload and check')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("1 bid received");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("1 of 2 workbooks was not received: blank-lot-2.xlsx");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sheet Declarations, cell C5");
        await Assertions.Expect(page.Locator("#received")).ToBeVisibleAsync();
        Assert.That(await page.Locator("main table").Last.InnerTextAsync(), Does.Contain("bid-riverside-oh").And.Contain("Riverside OH"));
        await CheckAsync(page, "bids-uploaded");

        // A fourth response came by email: entered by hand, first with nothing typed.
        await page.ClickAsync("#by-hand a:has-text('enter a bid for Trust')");
        await CheckAsync(page, "bid-by-hand");
        await page.ClickAsync("main button:has-text('Save the bid')");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a reference for the bid");
        await CheckAsync(page, "bid-by-hand-errors");
        await page.FillAsync("#entry-bid-id", "bid-by-email");
        await page.FillAsync("#entry-provider", "Email Health " + hostile[3].For(XssCorpus.Fields.Approver)[..Math.Min(80, hostile[3].For(XssCorpus.Fields.Approver).Length)]);
        foreach (var price in await page.Locator("main input[name*='Prices[']").AllAsync())
        {
            await price.FillAsync("250,000");
        }

        await page.Locator("main textarea[name^='Entry.Answers']").First.FillAsync("Answered by email. " + hostile[1].Text);
        await page.ClickAsync("main button:has-text('Save the bid')");
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Bid bid-by-email from Email Health");
        Assert.That(await page.Locator("main table").Last.InnerTextAsync(), Does.Contain("bid-by-email"));

        // Four bids in (two from the providers, one uploaded, one by hand): the tender moves to evaluation.
        await page.GotoAsync(tender + "/stage/evaluation");
        await CheckAsync(page, "to-evaluation");
        await page.ClickAsync("main button:has-text('Confirm')");
        await Assertions.Expect(page.Locator("#stage-now")).ToHaveTextAsync("Evaluation");
        var bids = Commissioning.Core.Files.TenderFile.Read(await (await page.APIRequest.GetAsync(tender + "/export")).TextAsync()).Value.Bids;
        Assert.That(bids.Select(b => b.Id).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "bid-by-email", "bid-delta", "bid-northgate", "bid-riverside-oh" }));
        Assert.That(_dialogs, Is.Empty, "no script from the text typed into the set-up or the workbook ran");
    }

    /// <summary>A complete bid for a lot as laid out in its workbook: the example declarations, an answer to each question, a price for each year.</summary>
    private static Commissioning.Core.Tenders.Bid Filled(Commissioning.Documents.Excel.Response.ResponseLayout layout, string lotId, string reference, string provider) =>
        Commissioning.Tests.Documents.Response.ResponseWorkbooks.ExampleBid(lotId) with
        {
            Id = reference,
            Provider = provider,
            Answers = [.. layout.Questions.Select(q => new Commissioning.Core.Tenders.Answer { QuestionId = q.Question.Id, Text = $"Our approach to {q.Question.Id}: a named clinician, monthly reports." })],
            Price = new Commissioning.Core.Tenders.PriceSchedule
            {
                AnnualPrices = [.. layout.Prices.Where(p => !p.Extension).Select(_ => 200_000m)],
                ExtensionPrices = [.. layout.Prices.Where(p => p.Extension).Select(_ => 210_000m)],
            },
        };
}
