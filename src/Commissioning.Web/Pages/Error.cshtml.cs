using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages;

/// <summary>
/// Error and status pages. Public, so that anyone who hits an error sees a page.
/// </summary>
/// <remarks>
/// The status code pages and the exception handler re-execute this page on the failed request,
/// keeping its method: a POST, a HEAD or a refused TRACE arrives here as it was sent. So the page
/// has no handler methods and works out its status, and renders, in
/// <see cref="OnPageHandlerExecuting"/>, which runs whatever the method. It reads nothing from the
/// request body, and needs no antiforgery token: it changes nothing, and requiring one would turn
/// the page for a refused form into a second failure.
/// </remarks>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The HTTP status shown (400 to 599).</summary>
    public int Code { get; private set; }

    /// <summary>Why the site refused the request, when it was the site's own check that refused it.</summary>
    public RequestRefusalReason? Reason { get; private set; }

    /// <summary>Whether the failed request was a form being sent.</summary>
    public bool WasFormPost => HttpMethods.IsPost(Request.Method);

    /// <summary>
    /// The address of the page whose form failed, for a link back to it; null unless this is a
    /// re-executed POST to an address on this site (never <c>//elsewhere</c>).
    /// </summary>
    public string? FormAddress { get; private set; }

    /// <summary>The page heading.</summary>
    public string Heading => Code switch
    {
        404 => "Page not found",
        401 or 403 => "You do not have access to this page",
        405 => "Sorry, this page cannot be used in that way",
        413 => "Sorry, what you sent was too large",
        >= 500 => "Sorry, there is a problem with the service",
        _ => "Sorry, there was a problem with your request",
    };

    /// <summary>
    /// Works out the status. A re-executed request keeps the status that brought it here; an
    /// unhandled exception is 500; anyone opening the address directly gets the status in it when
    /// that is an error status, and 404 for anything else (<c>/error/200</c> is not a page).
    /// </summary>
    /// <summary>The largest body the refused address accepts, for the 413 page.</summary>
    public long BodyLimit { get; private set; } = RequestLimits.MaxBodyBytes;

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Reason = HttpContext.Features.Get<RequestRefusal>()?.Reason;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Code = StatusCodes.Status500InternalServerError;
        }
        else
        {
            var routeCode = RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value?.ToString(), out var parsed) ? parsed : (int?)null;
            Code = routeCode is >= 400 and <= 599 ? routeCode.Value : StatusCodes.Status404NotFound;
        }

        Response.StatusCode = Code;
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } refused)
        {
            BodyLimit = RequestLimits.BodyLimitFor(refused.OriginalPath);
        }

        if (WasFormPost && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original)
        {
            var address = original.OriginalPathBase + original.OriginalPath;
            FormAddress = Url.IsLocalUrl(address) ? address : null;
        }

        // Set here rather than by [ResponseCache]: the result below ends the page filters early,
        // so a response-cache filter would never run.
        Response.Headers.CacheControl = "no-store, no-cache";
        Response.Headers.Pragma = "no-cache";

        // Render now, whatever the method. Without a result here, Razor Pages answers a re-executed
        // OPTIONS request with an empty 200 of its own.
        context.Result = Page();
    }
}
