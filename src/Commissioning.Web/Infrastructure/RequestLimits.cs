namespace Commissioning.Web.Infrastructure;

/// <summary>
/// The limits on what a request may carry. The site's forms are small (the profile form has fewer
/// than twenty fields and a few hundred bytes of answers), so these sit far above any legitimate
/// use and far below what would tie up the server.
/// </summary>
public static class RequestLimits
{
    /// <summary>The only methods the site answers. Anything else gets 405.</summary>
    public static readonly IReadOnlyList<string> AllowedMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    /// <summary>The value of the <c>Allow</c> header sent with a 405.</summary>
    public static readonly string AllowHeader = string.Join(", ", AllowedMethods);

    /// <summary>The largest request body accepted, in bytes (1 MB).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The largest upload of a whole tender file (an ICS-scale tender with every score is about
    /// 22 MB), accepted only on the addresses in <see cref="UploadPaths"/>.
    /// </summary>
    public const long MaxUploadBytes = 30L * 1024 * 1024;

    /// <summary>The addresses that take a whole tender file; every other address but a tender's bids page keeps <see cref="MaxBodyBytes"/>.</summary>
    public static readonly IReadOnlyList<string> UploadPaths = ["/tenders/import", "/readiness/new"];

    /// <summary>The largest body accepted for a request to <paramref name="path"/>.</summary>
    public static long BodyLimitFor(PathString path) =>
        UploadPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) || IsBidsPage(path) ? MaxUploadBytes : MaxBodyBytes;

    /// <summary>
    /// A tender's pages that take a whole bid: the owner's <c>/tenders/{id}/bids</c> (workbooks),
    /// the provider's <c>/tenders/{id}/respond</c> (workbooks), and a bid entered by hand at
    /// <c>/tenders/{id}/bids/new</c>, whose answers together can run past the 1 MB a form otherwise may.
    /// </summary>
    private static bool IsBidsPage(PathString path)
    {
        var value = path.Value;
        const string prefix = "/tenders/";
        if (value is null || value.Length <= prefix.Length + 36 || !value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || !Guid.TryParseExact(value.AsSpan(prefix.Length, 36), "D", out _))
        {
            return false;
        }

        var rest = value[(prefix.Length + 36)..];
        return rest.Equals("/bids", StringComparison.OrdinalIgnoreCase) || rest.Equals("/respond", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("/bids/new", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The most fields a form may have.</summary>
    public const int MaxFormFields = 1000;

    /// <summary>The longest field name a form may have, in characters.</summary>
    public const int MaxFieldNameLength = 200;
}
