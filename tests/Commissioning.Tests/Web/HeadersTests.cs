using System.Net;
using System.Text;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Commissioning.Tests.Web;

/// <summary>
/// Headers and bodies on real Kestrel, in both environments: no <c>Server</c> header; forwarded
/// headers believed only from a known proxy, and then HSTS and Secure cookies; a streamed body too
/// large refused with the error page; HEAD answered without a body.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class HeadersTests(string environment)
{
    private const string PublicHost = "oh-commissioning.example.nhs.uk";

    private SiteFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartSite()
    {
        _factory = new SiteFactory(environment);
        _client = KestrelSite.Start(_factory);
    }

    [OneTimeTearDown]
    public void StopSite()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static HttpRequestMessage ForwardedHttps(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return request;
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oh-commissioning-antiforgery=", StringComparison.Ordinal));

    [TestCase("/")]
    [TestCase("/specification/profile")]
    [TestCase("/no-such-page")]
    public async Task Response_FromKestrel_HasNoServerHeader(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.Headers.Contains("Server"), Is.False, string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Test]
    public async Task ForwardedHttps_FromTheLoopbackProxy_SendsHstsAndMarksCookiesSecure()
    {
        using var request = ForwardedHttps("/specification/profile");

        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Strict-Transport-Security"), Is.EqualTo(new[] { "max-age=31536000" }));
        Assert.That(AntiforgeryCookie(response), Does.Contain("; secure"));
    }

    [Test]
    public async Task ForwardedHttps_WhenLoopbackIsNotAConfiguredProxy_IsIgnored()
    {
        using var factory = new SiteFactory(environment).WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8"));
        using var client = KestrelSite.Start(factory);
        using var request = ForwardedHttps("/specification/profile");

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
        Assert.That(AntiforgeryCookie(response), Does.Not.Contain("secure"));
    }

    [Test]
    public async Task PlainHttp_SendsNoHstsAndNoSecureCookies()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/specification/profile", UriKind.Relative));
        request.Headers.Host = PublicHost;

        using var response = await _client.SendAsync(request);

        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
        Assert.That(AntiforgeryCookie(response), Does.Not.Contain("secure"));
    }

    [Test]
    public async Task StreamedBody_LargerThanTheLimit_Gets413WithTheErrorPage()
    {
        var body = Encoding.ASCII.GetBytes("Input.Name=" + new string('a', 2 * 1024 * 1024));
        using var stream = new MemoryStream(body);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/specification/profile", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(html, Does.Contain("<h1>Sorry, what you sent was too large</h1>").And.Contain("The form was larger than this service accepts (up to 1 MB)"));
    }

    [Test]
    public async Task Head_OnAMissingPage_Gets404WithTheErrorPagesHeadersAndNoBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/no-such-page", UriKind.Relative));

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(body, Is.Empty);
    }

    [Test]
    public async Task Trace_OnKestrel_Gets405WithTheErrorPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Trace, new Uri("/standards", UriKind.Relative));

        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EqualTo(new[] { "GET", "HEAD", "POST" }));
        Assert.That(html, Does.Contain("<h1>Sorry, this page cannot be used in that way</h1>").And.Not.Contain("The standards for occupational health services"));
    }
}
