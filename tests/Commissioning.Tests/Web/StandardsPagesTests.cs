using System.Net;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web;

/// <summary>The start page and the standards browser, through the real site.</summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class StandardsPagesTests(string environment)
{
    private SiteFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartSite()
    {
        _factory = new SiteFactory(environment);
        _client = _factory.CreateNonRedirectingClient();
    }

    [OneTimeTearDown]
    public void StopSite()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task StartPage_NamesTheThreeJourneys()
    {
        var (status, html) = await GetAsync("/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Buy OH for a GP practice or small organisation")
            .And.Contain("Run a formal tender across an ICS")
            .And.Contain("Prepare a bid as an OH provider"));
    }

    [Test]
    public async Task StandardsIndex_ListsEveryRuleSet()
    {
        var (status, html) = await GetAsync("/standards");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        foreach (var ruleSet in Repository.Standards.RuleSets)
        {
            Assert.That(html, Does.Contain($"href=\"/standards/{ruleSet.Id}\""), ruleSet.Id);
        }
    }

    public static IEnumerable<TestCaseData> RuleSets() =>
        Repository.Standards.RuleSets.Select(r => new TestCaseData(r.Id).SetName($"RuleSetPage_{r.Id}_ShowsEveryRequirement"));

    [TestCaseSource(nameof(RuleSets))]
    public async Task RuleSetPage_ShowsEveryRequirementWithAnAnchor(string id)
    {
        var (status, html) = await GetAsync($"/standards/{id}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        foreach (var requirement in Repository.Standards.FindRuleSet(id)!.Requirements)
        {
            Assert.That(html, Does.Contain($"id=\"{requirement.Id.ToLowerInvariant()}\""), requirement.Id);
            Assert.That(html, Does.Contain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(requirement.ProviderQuestion)), requirement.Id);
        }
    }

    public static IEnumerable<TestCaseData> Requirements() =>
        Repository.Standards.Requirements.Select(r => new TestCaseData(r.Id).SetName($"RequirementPage_{r.Id}_IsReachable"));

    [TestCaseSource(nameof(Requirements))]
    public async Task EveryRequirement_IsReachableAtAStableUrlWithItsId(string id)
    {
        var (status, html) = await GetAsync($"/standards/requirements/{id.ToLowerInvariant()}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain($"<span class=\"app-requirement__id\">{id}</span>"));
    }

    [Test]
    public async Task RequirementPage_ExplainsTheTermsItUses()
    {
        var (_, html) = await GetAsync("/standards/requirements/inf-03");

        Assert.That(html, Does.Contain("What the terms on this page mean").And.Contain("ESR (Electronic Staff Record)"));
    }

    [Test]
    public async Task RequirementUrl_IsCaseInsensitive()
    {
        var (status, _) = await GetAsync("/standards/requirements/GOV-01");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/standards/requirements/XYZ-99")]
    [TestCase("/standards/not-an-area")]
    [TestCase("/no-such-page")]
    public async Task UnknownAddresses_GiveTheNotFoundPage(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain("Page not found"));
    }

    [Test]
    public async Task GuideQuestionsPage_MapsEveryQuestionToItsRequirement()
    {
        var (_, html) = await GetAsync("/standards/guide-questions");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        // Each row: the question's reference, then (last cell) a link to the requirement that tests it.
        var rows = document.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").ToList()).ToList();
        foreach (var question in Repository.Standards.GuideQuestions)
        {
            var row = rows.SingleOrDefault(cells => OwnText(cells[0]) == question.Id);
            Assert.That(row, Is.Not.Null, $"{question.Id} has a row");
            Assert.That(row![^1].QuerySelector("a")?.GetAttribute("href"), Does.StartWith("/standards/requirements/"), $"{question.Id} links to its requirement");
        }

        // A cell's text without the column heading the responsive table repeats inside it for narrow screens.
        static string OwnText(AngleSharp.Dom.IElement cell) =>
            string.Concat(cell.ChildNodes.Where(n => n is not AngleSharp.Dom.IElement e || !e.ClassList.Contains("nhsuk-table__heading")).Select(n => n.TextContent)).Trim();
    }

    [TestCase("/standards/glossary", "MoHaWK2")]
    [TestCase("/standards/sources", "COHS-2023")]
    public async Task ReferencePages_Render(string path, string expected)
    {
        var (status, html) = await GetAsync(path);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain(expected));
    }

    [Test]
    public async Task Pages_SendSecurityHeaders()
    {
        using var response = await _client.GetAsync(new Uri("/standards", UriKind.Relative));

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'")
            .And.Contain("font-src 'self' https://assets.nhs.uk;"), "fonts from the site and from the NHS font host only");
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
    }

    [Test]
    public async Task Pages_HaveNoInlineScript()
    {
        var (_, html) = await GetAsync("/");

        Assert.That(html, Does.Not.Match("<script(?![^>]*\\bsrc=)[^>]*>"));
    }

    private static string Encode(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static int Count(string html, string fragment)
    {
        var count = 0;
        for (var at = html.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = html.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Test]
    public async Task EveryRuleSetPage_HasAKeyToItsFields()
    {
        var pages = 0;
        foreach (var ruleSet in Repository.Standards.RuleSets)
        {
            var (_, html) = await GetAsync($"/standards/{ruleSet.Id}");
            var key = html[html.IndexOf("id=\"key\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"key\"", StringComparison.Ordinal), StringComparison.Ordinal)];

            foreach (var field in new[] { "Strength", "Evaluated as", "Applies to", "Essential where", "Maturity", "Whose duty", "Toolkit judgement" })
            {
                Assert.That(key, Does.Contain($"<dt class=\"nhsuk-summary-list__key\">{field}</dt>"), $"{ruleSet.Id}: {field}");
            }

            Assert.That(key, Does.Contain("names these levels but does not define them").And.Contain("the toolkit's mapping, not the roadmap's"), ruleSet.Id);
            pages++;
        }

        Assert.That(pages, Is.EqualTo(13));
    }

    [Test]
    public async Task EveryRequirement_ShowsItsMaturityAsTheToolkitsMapping()
    {
        var shown = 0;
        foreach (var ruleSet in Repository.Standards.RuleSets)
        {
            var (_, html) = await GetAsync($"/standards/{ruleSet.Id}");

            Assert.That(Count(html, "<span class=\"app-mapping\">(toolkit's mapping)</span>"), Is.EqualTo(ruleSet.Requirements.Count), ruleSet.Id);
            Assert.That(Count(html, "in the toolkit's mapping: the roadmap names the levels but does not define them."), Is.EqualTo(ruleSet.Requirements.Count), ruleSet.Id);
            shown += ruleSet.Requirements.Count;
        }

        Assert.That(shown, Is.EqualTo(Repository.Standards.Requirements.Count).And.EqualTo(81));
    }

    [Test]
    public async Task RuleSetPages_ShowEveryToolkitJudgementWithItsReason()
    {
        var marked = 0;
        foreach (var ruleSet in Repository.Standards.RuleSets)
        {
            var (_, html) = await GetAsync($"/standards/{ruleSet.Id}");
            foreach (var requirement in ruleSet.Requirements)
            {
                var row = $"id=\"{requirement.Id.ToLowerInvariant()}-judgement\"";
                Assert.That(html.Contains(row, StringComparison.Ordinal), Is.EqualTo(requirement.Judgements.Count > 0), requirement.Id);
                foreach (var judgement in requirement.Judgements)
                {
                    Assert.That(html, Does.Contain(Encode(judgement.Reason)), $"{requirement.Id} {judgement.Field}");
                    marked++;
                }
            }
        }

        Assert.That(marked, Is.EqualTo(Repository.Standards.Requirements.Sum(r => r.Judgements.Count)).And.GreaterThanOrEqualTo(40));
    }

    [Test]
    public async Task RequirementPage_ShowsTheJudgedFieldBesideTheReason()
    {
        var (_, esr) = await GetAsync("/standards/requirements/inf-03");
        var (_, officer) = await GetAsync("/standards/requirements/stf-08");

        Assert.That(esr, Does.Contain("Toolkit judgement<span class=\"nhsuk-u-visually-hidden\"> on essential where</span>"));
        Assert.That(esr, Does.Contain("<strong>Essential where:</strong> " + Encode(Repository.Standards.FindRequirement("INF-03")!.JudgementOn(Commissioning.Core.Standards.JudgedField.EssentialWhen)!)));
        Assert.That(esr, Does.Contain("#key\">How to read a requirement"));
        Assert.That(officer, Does.Contain("<strong>Strength (should):</strong> " + Encode(Repository.Standards.FindRequirement("STF-08")!.JudgementOn(Commissioning.Core.Standards.JudgedField.Strength)!)));
    }

    [Test]
    public async Task CommissionersDuty_IsShownAsTheOrganisationsOwn()
    {
        var (_, html) = await GetAsync("/standards/requirements/core-07");

        Assert.That(html, Does.Contain("Your organisation's duty").And.Contain("Your organisation's, as commissioner."));
    }

    [Test]
    public async Task StandardsIndex_CountsOptionalRequirements()
    {
        var (_, html) = await GetAsync("/standards");

        Assert.That(html, Does.Contain("7 requirements: 6 must, 0 should, 0 good practice, 1 optional"));
    }

    [TestCase("Health surveillance")]
    [TestCase("Employee assistance programme")]
    [TestCase("Equality impact assessment")]
    [TestCase("GMC (General Medical Council)")]
    [TestCase("NMC (Nursing and Midwifery Council)")]
    [TestCase("WTE (Whole-time equivalent)")]
    [TestCase("Benchmarking")]
    [TestCase("NHS Constitution")]
    [TestCase("Clinical attachment")]
    public async Task GlossaryPage_ExplainsTheNewTerms(string term)
    {
        var (_, html) = await GetAsync("/standards/glossary");

        Assert.That(html, Does.Contain($"<dt class=\"nhsuk-summary-list__key\">{term}</dt>"));
    }

    [TestCase("trn-04", "Clinical attachment")]
    [TestCase("stf-01", "WTE (Whole-time equivalent)")]
    [TestCase("gov-04", "NHS Constitution")]
    public async Task RequirementPage_ExplainsTheNewTermsItUses(string id, string term)
    {
        var (_, html) = await GetAsync($"/standards/requirements/{id}");

        Assert.That(html, Does.Contain("What the terms on this page mean").And.Contain($"<dt class=\"nhsuk-summary-list__key\">{term}</dt>"));
    }
}
