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

    /// <summary>The most fields a form may have.</summary>
    public const int MaxFormFields = 1000;

    /// <summary>The longest field name a form may have, in characters.</summary>
    public const int MaxFieldNameLength = 200;
}
