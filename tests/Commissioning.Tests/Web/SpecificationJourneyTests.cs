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
            "<a href=\"#hosts-medical-trainees\">Select yes if your organisation hosts doctors in training</a>",
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

    // A form post that changes or adds to the valid answers, and the one message it must give
    // against its field (null: accepted, and the browser is sent to the specification).
    private static readonly (string Name, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> Change, string? FieldId, string? Message)[] HostileForms =
    [
        ("headcount 1,2,3", a => Set(a, "Input.Headcount", "1,2,3"), "headcount", "Number of staff must be a whole number, like 45 or 1,250: commas go only between groups of three digits"),
        ("headcount 12,50", a => Set(a, "Input.Headcount", "12,50"), "headcount", "Number of staff must be a whole number, like 45 or 1,250: commas go only between groups of three digits"),
        ("headcount 1,2500", a => Set(a, "Input.Headcount", "1,2500"), "headcount", "Number of staff must be a whole number, like 45 or 1,250: commas go only between groups of three digits"),
        ("headcount ,125", a => Set(a, "Input.Headcount", ",125"), "headcount", "Number of staff must be a whole number, like 45"),
        ("headcount 1 250", a => Set(a, "Input.Headcount", "1 250"), "headcount", "Number of staff must be a whole number, like 45"),
        ("headcount -5", a => Set(a, "Input.Headcount", "-5"), "headcount", "Number of staff must be a whole number, like 45"),
        ("headcount 99999999999", a => Set(a, "Input.Headcount", "99999999999"), "headcount", "Number of staff must be 100,000 or fewer"),
        ("headcount 12,500", a => Set(a, "Input.Headcount", "12,500"), null, null),
        ("headcount 45", a => Set(a, "Input.Headcount", " 45 "), null, null),
        ("a name of zero-width characters", a => Set(a, "Input.Name", "\u200B\u200D\u2060"), "name", "Organisation name must include characters you can see, such as letters or numbers"),
        ("a name of direction overrides", a => Set(a, "Input.Name", "\u202E\u202D"), "name", "Organisation name must be plain text on one line: remove the text-direction control (U+202E) at character 1"),
        ("a name with a line break", a => Set(a, "Input.Name", "Riverside\nMost advantageous tender"), "name", "Organisation name must be plain text on one line: remove the line break (U+000A) at character 10"),
        ("a name with an escape", a => Set(a, "Input.Name", "\u001B[31mRiverside"), "name", "Organisation name must be plain text on one line: remove the control character (U+001B) at character 1"),
        ("a need with a control character", a => Set(a, "Input.Needs", "Obesity\nBack\u0007pain"), "needs", "Local health need 2 must be plain text on one line: remove the control character (U+0007) at character 5"),
        ("a need of zero-width characters", a => Set(a, "Input.Needs", "Obesity\n\u200B"), "needs", "Local health need 2 is empty: describe it or remove it"),
        ("two names", a => [.. a, new("Input.Name", "Other Surgery")], "name", "Enter only one organisation name"),
        ("two names, one without the prefix", a => [.. a, new("Name", "Other Surgery")], "name", "Enter only one organisation name"),
        ("two types", a => [.. a, new("Input.Type", "acute-trust")], "type", "Select only one type of organisation"),
        ("two headcounts", a => [.. a, new("Input.Headcount", "9")], "headcount", "Enter only one number of staff"),
        ("two answers about trainees", a => [.. a, new("Input.HostsMedicalTrainees", "no")], "hosts-medical-trainees", "Select only one answer about doctors in training"),
        ("two needs boxes", a => [.. a, new("Input.Needs", "Obesity"), new("Input.Needs", "Smoking")], "needs", "Enter local health needs in one box, one a line"),
        ("two deliveries", a => [.. a, new("Input.Delivery", "internal")], "delivery", "Select only one way occupational health is delivered today"),
        ("several exposures", a => [.. a, new("Input.Exposures", "ionising-radiation"), new("Input.Exposures", "cytotoxic-drugs")], null, null),
    ];

    private static List<KeyValuePair<string, string>> Set(List<KeyValuePair<string, string>> answers, string key, string value) =>
        [.. answers.Where(a => a.Key != key), new(key, value)];

    [Test]
    public async Task Post_HostileAnswers_GiveTheirMessageAtTheirField_OrAreAccepted()
    {
        using var client = _factory.CreateNonRedirectingClient();
        var checkedCases = 0;
        var failures = new List<string>();
        foreach (var (name, change, fieldId, message) in HostileForms)
        {
            using var response = await PostAsync(client, change([.. ValidAnswers()]));
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (message is null)
            {
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    failures.Add($"{name}: expected to be accepted, got {(int)response.StatusCode}");
                }
            }
            else if (response.StatusCode != HttpStatusCode.OK || !html.Contains($"<a href=\"#{fieldId}\">{message}</a>", StringComparison.Ordinal))
            {
                failures.Add($"{name}: expected \"{message}\" at #{fieldId}; got {(int)response.StatusCode}");
            }
            else if (html.Split("nhsuk-error-summary__list")[1].Split("</ul>")[0].Split("<li>").Length - 1 != 1)
            {
                failures.Add($"{name}: expected one message only");
            }

            checkedCases++;
        }

        Assert.That(failures, Is.Empty);
        Assert.That(checkedCases, Is.EqualTo(23), "hostile form answers checked");
    }

    [Test]
    public async Task Post_A900KilobyteName_SaysTheLimit_AndShowsBackNoMoreThanIt()
    {
        using var client = _factory.CreateNonRedirectingClient();
        var answers = Set([.. ValidAnswers()], "Input.Name", new string('x', 900 * 1024));

        using var response = await PostAsync(client, answers);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<a href=\"#name\">Organisation name must be 200 characters or fewer</a>"));
        Assert.That(html, Does.Contain($"value=\"{new string('x', 200)}\""), "the first 200 characters are kept to correct");
        Assert.That(html, Does.Not.Contain(new string('x', 201)), "no more than the limit is sent back");
        Assert.That(html, Has.Length.LessThan(100_000));
    }

    // An address for the specification page, and the problem it must list (null: the specification is shown).
    private static readonly (string Name, string Query, string? Problem)[] HostileAddresses =
    [
        ("two names", "name=Riverside&name=Other&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=internal", "Enter only one organisation name"),
        ("two types", "name=Riverside&type=acute-trust&type=gp-practice-or-pcn&headcount=45&hostsmedicaltrainees=no&delivery=internal", "Select only one type of organisation"),
        ("headcount 1,2,3", "name=Riverside&type=acute-trust&headcount=1%2C2%2C3&hostsmedicaltrainees=no&delivery=internal", "Number of staff must be a whole number, like 45 or 1,250: commas go only between groups of three digits"),
        ("a zero-width name", "name=%E2%80%8B%E2%80%8D&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=internal", "Organisation name must include characters you can see, such as letters or numbers"),
        ("a reversing name", "name=%E2%80%AEevil&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=internal", "Organisation name must be plain text on one line: remove the text-direction control (U+202E) at character 1"),
        ("headcount 1,250", "name=Riverside&type=acute-trust&headcount=1%2C250&hostsmedicaltrainees=no&delivery=internal", null),
    ];

    [Test]
    public async Task Specification_HostileAddresses_ListTheProblem_OrShowTheSpecification()
    {
        using var client = _factory.CreateNonRedirectingClient();
        var checkedCases = 0;
        var failures = new List<string>();
        foreach (var (name, query, problem) in HostileAddresses)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/specification?{query}", UriKind.Relative)));
            var shown = problem is null
                ? html.Contains("What an occupational health service for", StringComparison.Ordinal)
                : html.Contains("There is a problem with the answers", StringComparison.Ordinal) && html.Contains($"<li>{problem}</li>", StringComparison.Ordinal);
            if (!shown)
            {
                failures.Add(name);
            }

            checkedCases++;
        }

        Assert.That(failures, Is.Empty);
        Assert.That(checkedCases, Is.EqualTo(6), "hostile addresses checked");
    }

    [Test]
    public async Task Specification_ALongNameInTheAddress_IsNotCarriedIntoTheChangeAnswersLink()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri($"/specification?name={new string('x', 3000)}&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=internal", UriKind.Relative));

        Assert.That(html, Does.Contain("Organisation name must be 200 characters or fewer"));
        Assert.That(html, Does.Contain($"name={new string('x', 200)}&"), "the link back keeps what the form accepts");
        Assert.That(html, Does.Not.Contain(new string('x', 201)));
    }

    [Test]
    public async Task ChangeAnswers_ALongNameInTheAddress_FillsTheFormWithNoMoreThanTheLimit()
    {
        using var client = _factory.CreateNonRedirectingClient();

        var html = await client.GetStringAsync(new Uri($"/specification/profile?name={new string('x', 3000)}&type=acute-trust", UriKind.Relative));

        Assert.That(html, Does.Contain($"value=\"{new string('x', 200)}\""));
        Assert.That(html, Does.Not.Contain(new string('x', 201)));
    }
}
