using System.Text;
using Commissioning.Tests.Support;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Commissioning.Tests.Web;

/// <summary>
/// Hostile and careless requests each get the NHS-styled error page with the right status and a
/// plain-English explanation, in both environments: a form without a valid token, bodies too large,
/// too many fields, methods the site does not answer, addresses that are not pages, and forwarded
/// headers from a proxy and from a stranger.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class ErrorPageTests(string environment)
{
    private const string PublicHost = "oh-commissioning.example.nhs.uk";

    private SiteFactory _factory = null!;
    private TestServer _server = null!;

    [OneTimeSetUp]
    public void StartSite()
    {
        _factory = new SiteFactory(environment);
        _server = _factory.Server;
    }

    [OneTimeTearDown]
    public void StopSite() => _factory.Dispose();

    private static KeyValuePair<string, string>[] ValidAnswers() =>
    [
        new("Input.Name", "Riverside Surgery"),
        new("Input.Type", "gp-practice-or-pcn"),
        new("Input.Headcount", "45"),
        new("Input.HostsMedicalTrainees", "no"),
        new("Input.Delivery", "external"),
    ];

    /// <summary>One hostile request, the status it must get and a phrase its page must contain (none for HEAD).</summary>
    private sealed record HostileCase(string Name, Func<Task<RawResponse>> Send, int Status, string? Phrase, Action<RawResponse>? AlsoCheck = null);

    private async Task<List<HostileCase>> HostileCasesAsync()
    {
        const string profile = "/specification/profile";
        var token = await RawRequests.GetFormTokenAsync(_server, profile);
        var twoMegabytes = Encoding.ASCII.GetBytes("Input.Name=" + new string('a', 2 * 1024 * 1024));
        var fiveThousandFields = Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"Input.Field{i}", "x")).ToList();
        var declaredBody = new CountingStream(twoMegabytes);
        var chunkedBody = new CountingStream(twoMegabytes);

        Task<RawResponse> Send(string method, string path, Action<HttpRequest>? arrange = null, System.Net.IPAddress? from = null) =>
            RawRequests.SendAsync(_server, method, path, arrange, from);

        void Forwarded(HttpRequest r)
        {
            r.Host = new HostString(PublicHost);
            r.Headers["X-Forwarded-Proto"] = "https";
            r.Headers["X-Forwarded-For"] = "198.51.100.7";
        }

        return
        [
            new("POST without an antiforgery token",
                () => Send("POST", profile, RawRequests.Form(null, ValidAnswers())),
                400, "The form could not be sent safely",
                r => Assert.That(r.Body, Does.Contain("<a href=\"/specification/profile\">Go back to the form</a>, reload the page and try again."))),
            new("POST with a token but not its cookie",
                () => Send("POST", profile, r => { RawRequests.Form(token, ValidAnswers())(r); r.Headers.Cookie = string.Empty; }),
                400, "The form could not be sent safely"),
            new("POST of 2 MB with its length declared",
                () => Send("POST", profile, r => { RawRequests.Body(twoMegabytes, declareLength: true, declaredBody)(r); r.Headers.Cookie = token.Cookie; }),
                413, "The form was larger than this service accepts (up to 1 MB)",
                _ => Assert.That(declaredBody.BytesRead, Is.Zero, "a body declared too large is refused before any of it is read")),
            new("POST of 2 MB of unknown length (chunked)",
                () => Send("POST", profile, r => { RawRequests.Body(twoMegabytes, declareLength: false, chunkedBody)(r); r.Headers.Cookie = token.Cookie; }),
                413, "The form was larger than this service accepts (up to 1 MB)",
                _ => Assert.That(chunkedBody.BytesRead, Is.InRange(1, RequestLimits.MaxBodyBytes + (128 * 1024)), "reading stops at the limit")),
            new("POST of 2 MB to an address that would link off the site",
                () => Send("POST", profile, r => { RawRequests.Body(twoMegabytes, declareLength: true)(r); r.Path = "//evil.example/form"; }),
                413, "Go back to the form, check your answers and try again.",
                r => Assert.That(r.Body, Does.Not.Contain("evil.example"), "no link back to an address off the site")),
            new("POST of 5,000 fields",
                () => Send("POST", profile, RawRequests.Form(token, fiveThousandFields)),
                400, "It had more fields than this service accepts"),
            new("TRACE",
                () => Send("TRACE", "/standards"),
                405, "Pages on this service can only be opened, or sent from a form on the page",
                r => Assert.That(r.Headers.Allow.ToString(), Is.EqualTo("GET, HEAD, POST"))),
            new("TRACK",
                () => Send("TRACK", profile),
                405, "Pages on this service can only be opened"),
            new("CONNECT",
                () => Send("CONNECT", "/"),
                405, "Pages on this service can only be opened"),
            new("OPTIONS",
                () => Send("OPTIONS", "/standards"),
                405, "Pages on this service can only be opened"),
            new("PUT with a valid token",
                () => Send("PUT", profile, RawRequests.Form(token, ValidAnswers())),
                405, "Pages on this service can only be opened"),
            new("TRACE to a file",
                () => Send("TRACE", "/css/app.css"),
                405, "Pages on this service can only be opened"),
            new("POST with a valid token to a page that has no form",
                () => Send("POST", "/standards", RawRequests.Form(token, [])),
                405, "This page has no form to send",
                r => Assert.That(r.Headers.Allow.ToString(), Is.EqualTo("GET, HEAD"))),
            new("/error/200",
                () => Send("GET", "/error/200"),
                404, "If you typed the web address, check it is correct"),
            new("/error/99999",
                () => Send("GET", "/error/99999"),
                404, "If you typed the web address, check it is correct"),
            new("a missing page",
                () => Send("GET", "/no-such-page"),
                404, "If you typed the web address, check it is correct"),
            new("HEAD on a missing page",
                () => Send("HEAD", "/no-such-page"),
                404, null,
                r => Assert.That(r.Headers.ContentType.ToString(), Does.StartWith("text/html"), "the status code page ran for HEAD")),
            new("X-Forwarded-Proto https from a known proxy (loopback)",
                () => Send("GET", profile, Forwarded),
                200, "Describe your organisation",
                r => Assert.Multiple(() =>
                {
                    Assert.That(r.Headers.StrictTransportSecurity.ToString(), Is.EqualTo("max-age=31536000"));
                    Assert.That(r.Cookies.Single(c => c.StartsWith("oh-commissioning-antiforgery=", StringComparison.Ordinal)), Does.Contain("; secure"));
                })),
            new("X-Forwarded-Proto https from an address that is not a known proxy",
                () => Send("GET", profile, Forwarded, RawRequests.Stranger),
                200, "Describe your organisation",
                r => Assert.Multiple(() =>
                {
                    Assert.That(r.Headers.ContainsKey("Strict-Transport-Security"), Is.False);
                    Assert.That(r.Cookies.Single(c => c.StartsWith("oh-commissioning-antiforgery=", StringComparison.Ordinal)), Does.Not.Contain("secure"));
                })),
        ];
    }

    [Test]
    public async Task HostileRequests_EachGetTheirStatusAndAPlainEnglishPage()
    {
        var cases = await HostileCasesAsync();
        var checkedCases = 0;

        using (Assert.EnterMultipleScope())
        {
            foreach (var hostile in cases)
            {
                var response = await hostile.Send();

                Assert.That(response.Status, Is.EqualTo(hostile.Status), hostile.Name);
                if (hostile.Phrase is not null)
                {
                    Assert.That(response.Body, Does.Contain(hostile.Phrase), hostile.Name);
                    Assert.That(response.Body, Does.Contain("class=\"nhsuk-header\""), $"{hostile.Name}: the page has the NHS.UK layout");
                }

                if (hostile.Status >= 400)
                {
                    Assert.That(response.Headers.CacheControl.ToString(), Does.Contain("no-store"), $"{hostile.Name}: error pages are not cached");
                    Assert.That(response.Headers.ContentSecurityPolicy.ToString(), Does.Contain("default-src 'self'"), $"{hostile.Name}: the error page has the security headers");
                }

                hostile.AlsoCheck?.Invoke(response);
                checkedCases++;
            }
        }

        Assert.That(checkedCases, Is.EqualTo(19));
    }

    [TestCase(400, "Sorry, there was a problem with your request")]
    [TestCase(403, "You do not have access to this page")]
    [TestCase(404, "Page not found")]
    [TestCase(405, "Sorry, this page cannot be used in that way")]
    [TestCase(413, "Sorry, what you sent was too large")]
    [TestCase(500, "Sorry, there is a problem with the service")]
    [TestCase(503, "Sorry, there is a problem with the service")]
    public async Task ErrorPage_ForAnErrorStatus_AnswersWithThatStatusAndItsHeading(int status, string heading)
    {
        var response = await RawRequests.SendAsync(_server, "GET", $"/error/{status}");

        Assert.That(response.Status, Is.EqualTo(status));
        Assert.That(response.Body, Does.Contain($"<h1>{heading}</h1>").And.Contain($"<title>{heading} - Commission occupational health services - NHS</title>"));
    }

    [TestCase(0)]
    [TestCase(200)]
    [TestCase(302)]
    [TestCase(399)]
    [TestCase(600)]
    public async Task ErrorPage_ForAStatusThatIsNotAnError_AnswersPageNotFound(int status)
    {
        var response = await RawRequests.SendAsync(_server, "GET", $"/error/{status}");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.Body, Does.Contain("<h1>Page not found</h1>"));
    }

    [Test]
    public async Task ErrorPage_Layout_LinksToTheSitesPages()
    {
        var response = await RawRequests.SendAsync(_server, "GET", "/no-such-page");

        string[] links = ["href=\"/\"", "href=\"/specification/profile\"", "href=\"/standards\"", "href=\"/standards/glossary\"", "href=\"/standards/sources\""];
        Assert.That(links.Where(l => !response.Body.Contains(l, StringComparison.Ordinal)), Is.Empty);
        Assert.That(response.Body, Does.Not.Contain("href=\"\""), "a link whose page could not be found");
    }

    [Test]
    public async Task Post_WithAValidTokenAndAnswers_StillWorks()
    {
        var token = await RawRequests.GetFormTokenAsync(_server, "/specification/profile");

        var response = await RawRequests.SendAsync(_server, "POST", "/specification/profile", RawRequests.Form(token, ValidAnswers()));

        Assert.That(response.Status, Is.EqualTo(302), "the guard reads the form first; the page must still see it");
        Assert.That(response.Headers.Location.ToString(), Does.StartWith("/specification?").And.Contain("name=Riverside"));
    }
}
