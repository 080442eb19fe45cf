using System.Net;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web.Tenders.Moderate;

/// <summary>What the moderation page tests share: a signed-in client and a form sent as the page's own.</summary>
internal static class ModerationPages
{
    public static async Task<HttpClient> SignedInAsync(SiteFactory site, string email)
    {
        var client = site.CreateNonRedirectingClient();
        await TestAccounts.SignInAsync(client, email);
        return client;
    }

    /// <summary>Sends a form to <paramref name="path"/> with the antiforgery token of the page at <paramref name="tokenFrom"/> (the page itself unless given).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<(string Name, string Value)> fields, string? tokenFrom = null)
    {
        var token = await SiteFactory.GetAntiforgeryTokenAsync(client, tokenFrom ?? path);
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>The page's text as a person reads it (entities decoded).</summary>
    public static string Read(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The two pieces of markup the XSS checks put in every free-text field.</summary>
    public const string Script = "<script>alert(1)</script>";

    public const string Image = "\"><img src=x onerror=alert(1)>";
}
