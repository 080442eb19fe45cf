using System.Net;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web;

/// <summary>The profile form and the tailored specification, through the real site.</summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class SpecificationJourneyTests(string environment)
{
    private SiteFactory _factory = null!;

    [OneTimeSetUp]
    public void StartSite() => _factory = new SiteFactory(environment);

    [OneTimeTearDown]
    public void StopSite() => _factory.Dispose();

    private static Dictionary<string, string> ValidAnswers() => new()
    {
        ["Input.Name"] = "Riverside Surgery",
        ["Input.Type"] = "gp-practice-or-pcn",
        ["Input.Headcount"] = "1,250",
        ["Input.HostsMedicalTrainees"] = "yes",
        ["Input.Delivery"] = "external",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var form = fields.ToList();
        if (withToken)
        {
            form.Add(new("__RequestVerificationToken", await SiteFactory.GetAntiforgeryTokenAsync(client, "/specification/profile")));
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri("/specification/profile", UriKind.Relative), content);
    }

    [Test]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await PostAsync(client, ValidAnswers(), withToken: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Post_Empty_ShowsEveryProblemInTheErrorSummaryInFormOrder()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await PostAsync(client, []);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<title>Error: Describe your organisation"));
        var summary = html[html.IndexOf("nhsuk-error-summary__list", StringComparison.Ordinal)..];
        string[] expected =
        [
            "<a href=\"#name\">Enter the name of the organisation</a>",
            "<a href=\"#type\">Select the type of organisation</a>",
            "<a href=\"#headcount\">Enter the number of staff</a>",
            "<a href=\"#trainees\">Select yes if your organisation hosts doctors in training</a>",
            "<a href=\"#delivery\">Select how occupational health is delivered today</a>",
        ];
        var positions = expected.Select(e => summary.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.That(positions, Has.None.EqualTo(-1), string.Join("\n", expected.Where(e => !summary.Contains(e, StringComparison.Ordinal))));
        Assert.That(positions, Is.Ordered);
        Assert.That(html, Does.Contain("id=\"headcount-error\""));
    }

    [TestCase("lots", "Number of staff must be a whole number, like 45")]
    [TestCase("0", "Number of staff must be 1 or more")]
    [TestCase("250000", "Number of staff must be 100,000 or fewer")]
    public async Task Post_BadHeadcount_SaysWhatIsWrong_AndKeepsTheOtherAnswers(string headcount, string message)
    {
        using var client = _factory.CreateNonRedirectingClient();
        var answers = ValidAnswers();
        answers["Input.Headcount"] = headcount;

        using var response = await PostAsync(client, answers);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain($"<a href=\"#headcount\">{message}</a>"));
        Assert.That(html, Does.Contain("value=\"Riverside Surgery\""), "the name typed is kept");
        Assert.That(html, Does.Match("value=\"gp-practice-or-pcn\" checked"), "the type chosen is kept");
    }

    [Test]
    public async Task Post_Valid_RedirectsToTheSpecificationWithTheAnswersInTheAddress()
    {
        using var client = _factory.CreateNonRedirectingClient();
        var answers = ValidAnswers().ToList();
        answers.Add(new("Input.Exposures", "ionising-radiation"));

        using var response = await PostAsync(client, answers);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("/specification?"));
        Assert.That(location, Does.Contain("type=gp-practice-or-pcn").And.Contain("exposures=ionising-radiation").And.Contain("hostsmedicaltrainees=yes"));
    }

    [Test]
    public async Task Specification_ForATrustHostingTrainees_ListsTheEsrInterfaceAsAGateWithItsReason()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri("/specification?name=City+Hospitals&type=acute-trust&headcount=8500&hostsmedicaltrainees=yes&exposures=ionising-radiation&delivery=external", UriKind.Relative));

        var gates = html[html.IndexOf("id=\"gates\"", StringComparison.Ordinal)..html.IndexOf("Requirements by area", StringComparison.Ordinal)];
        Assert.That(gates, Does.Contain("INF-03").And.Contain("It is essential here because the organisation hosts doctors in training and the organisation is an acute trust"));
        Assert.That(html, Does.Contain("What an occupational health service for City Hospitals must provide"));
        Assert.That(html, Does.Contain("Applies because staff work with ionising radiation."));
        Assert.That(html, Does.Contain("Questions to send to providers"));
    }

    [Test]
    public async Task Specification_ForAGpPracticeHostingGpTrainees_HasNoEsrGate_AndSaysWhy()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri("/specification?name=Riverside+Surgery&type=gp-practice-or-pcn&headcount=45&hostsmedicaltrainees=yes&delivery=external", UriKind.Relative));

        var start = html.IndexOf("id=\"gates\"", StringComparison.Ordinal);
        var gates = html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
        Assert.That(gates, Does.Contain("SEQ-01"), "the list of gates was found");
        Assert.That(gates, Does.Not.Contain("INF-03"));
        Assert.That(html, Does.Contain("It is not essential here because the organisation is a GP practice or PCN, not an acute trust"));
    }

    [Test]
    public async Task Specification_EncodesWhatTheUserTyped()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri("/specification?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=internal", UriKind.Relative));

        Assert.That(html, Does.Not.Contain("<script>alert(1)</script>"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [Test]
    public async Task Specification_WithAnIncompleteAddress_ExplainsTheProblemAndLinksBackToTheForm()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri("/specification?name=Riverside&type=castle", UriKind.Relative));

        Assert.That(html, Does.Contain("There is a problem with the answers").And.Contain("Select the type of organisation").And.Contain("Change your answers"));
    }

    [Test]
    public async Task Specification_WithNoAnswers_RedirectsToTheForm()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri("/specification", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/specification/profile"));
    }

    [Test]
    public async Task ChangeAnswers_FillsTheFormFromTheAddress()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri("/specification/profile?name=Riverside&type=acute-trust&headcount=45&hostsmedicaltrainees=no&exposures=cytotoxic-drugs&delivery=hybrid", UriKind.Relative));

        Assert.That(html, Does.Contain("value=\"Riverside\"").And.Match("value=\"acute-trust\" checked").And.Match("value=\"cytotoxic-drugs\" checked").And.Match("value=\"hybrid\" checked"));
    }
}
