using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages;

/// <summary>Error and status pages. Public, so that anyone who hits an error sees a page.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>The HTTP status shown.</summary>
    public int Code { get; private set; }

    /// <summary>The page heading.</summary>
    public string Heading => Code switch
    {
        404 => "Page not found",
        401 or 403 => "You do not have access to this page",
        400 => "Sorry, there was a problem with your request",
        _ => "Sorry, there is a problem with the service",
    };

    /// <summary>
    /// The same page when the failed request was a POST (the error handler re-executes with the
    /// original method). It changes nothing, so it needs no antiforgery token; requiring one would
    /// turn the 400 page for a missing token into a second failure.
    /// </summary>
    public void OnPost(int? code) => OnGet(code);

    /// <summary>Shows the page for a status code; for an unhandled exception the code is 500.</summary>
    public void OnGet(int? code)
    {
        Code = code ?? 500;
        if (code is null)
        {
            Response.StatusCode = 500;
        }
    }
}
