using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Commissioning.Tests.Web;

/// <summary>A response read in full from the in-memory server.</summary>
internal sealed record RawResponse(int Status, IHeaderDictionary Headers, string Body)
{
    /// <summary>The Set-Cookie header values, one per cookie.</summary>
    public IReadOnlyList<string> Cookies => [.. Headers.SetCookie.Select(c => c ?? string.Empty)];
}

/// <summary>An antiforgery cookie and the token that goes with it, as a browser would hold them.</summary>
internal sealed record FormToken(string Cookie, string Token);

/// <summary>
/// Requests sent straight to the in-memory server, so a test controls what a client cannot through
/// HttpClient: the address the request comes from (the proxy tests), any method, and a body of
/// unknown length.
/// </summary>
internal static partial class RawRequests
{
    /// <summary>An address outside the loopback range, so not a known proxy by default (TEST-NET-3).</summary>
    public static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.9");

    /// <summary>Sends one request from <paramref name="from"/> (loopback unless given) and reads the whole response.</summary>
    public static async Task<RawResponse> SendAsync(TestServer server, string method, string pathAndQuery, Action<HttpRequest>? arrange = null, IPAddress? from = null)
    {
        var uri = new Uri(new Uri("http://localhost"), pathAndQuery);
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = uri.AbsolutePath;
            c.Request.QueryString = new QueryString(uri.Query);
            c.Connection.RemoteIpAddress = from ?? IPAddress.Loopback;
            arrange?.Invoke(c.Request);
        });
        using var reader = new StreamReader(context.Response.Body);
        return new RawResponse(context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }

    /// <summary>GETs a page with a form and returns its antiforgery cookie and token.</summary>
    public static async Task<FormToken> GetFormTokenAsync(TestServer server, string path)
    {
        var response = await SendAsync(server, "GET", path);
        var cookie = response.Cookies.Single(c => c.StartsWith("oh-commissioning-antiforgery=", StringComparison.Ordinal));
        var token = TokenPattern().Match(response.Body);
        Assert.That(token.Success, Is.True, $"No antiforgery token on {path}");
        return new FormToken(cookie[..cookie.IndexOf(';', StringComparison.Ordinal)], WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>Arranges a form POST: the cookie, and a url-encoded body with the token added.</summary>
    public static Action<HttpRequest> Form(FormToken? token, IEnumerable<KeyValuePair<string, string>> fields, bool declareLength = true) => request =>
    {
        var all = fields.ToList();
        if (token is not null)
        {
            request.Headers.Cookie = token.Cookie;
            all.Add(new("__RequestVerificationToken", token.Token));
        }

        var body = Encoding.ASCII.GetBytes(string.Join('&', all.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        Body(body, declareLength)(request);
    };

    /// <summary>Arranges a url-encoded body of the given bytes, declaring its length or not (as a chunked body would).</summary>
    public static Action<HttpRequest> Body(byte[] body, bool declareLength, CountingStream? counter = null) => request =>
    {
        request.ContentType = "application/x-www-form-urlencoded";
        request.ContentLength = declareLength ? body.Length : null;
        request.Body = counter ?? new CountingStream(body);
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>A request body that counts how many bytes the server read from it.</summary>
internal sealed class CountingStream(byte[] content) : Stream
{
    private readonly MemoryStream _inner = new(content, writable: false);

    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Add(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Add(_inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Add(_inner.Read(buffer, offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Add(_inner.Read(buffer.Span)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Add(int read)
    {
        BytesRead += read;
        return read;
    }
}
