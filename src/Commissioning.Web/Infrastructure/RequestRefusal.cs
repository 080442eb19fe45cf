namespace Commissioning.Web.Infrastructure;

/// <summary>Why the site refused a request before any page saw it.</summary>
public enum RequestRefusalReason
{
    /// <summary>The method is not one the site answers (only GET, HEAD and POST are).</summary>
    MethodNotAllowed,

    /// <summary>The page has no handler for the method (for example a POST to a page with no form).</summary>
    NoHandlerForMethod,

    /// <summary>The body is larger than <see cref="RequestLimits.MaxBodyBytes"/>.</summary>
    BodyTooLarge,

    /// <summary>The form could not be read: too many fields, a field name or value too long, or malformed.</summary>
    FormUnreadable,
}

/// <summary>
/// Set on the request when the site refuses it, so the error page (re-executed on the same
/// request) can say what was wrong in plain English rather than only give the status code.
/// </summary>
/// <param name="Reason">Why the request was refused.</param>
public sealed record RequestRefusal(RequestRefusalReason Reason);
