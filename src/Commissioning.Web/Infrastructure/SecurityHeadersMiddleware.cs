namespace Commissioning.Web.Infrastructure;

/// <summary>
/// Sets the response headers every page needs: a strict content security policy (scripts and
/// styles only from this site, no inline script; fonts from this site and from the NHS's own
/// font host, which the NHS.UK frontend's stylesheet loads Frutiger from), no framing, no MIME
/// sniffing, and a tight referrer policy.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Where the NHS.UK frontend's stylesheet loads the Frutiger web fonts from. The fonts are
    /// licensed to the NHS for its services and the npm package does not ship them, so the site
    /// allows exactly this origin rather than serving copies (docs/adr/0005-nhs-components.md).
    /// </summary>
    public const string NhsFontOrigin = "https://assets.nhs.uk";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' " + NhsFontOrigin + "; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>Adds the headers, then calls the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
