using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Tests.Web;

/// <summary>Every page says who may see it: explicitly public, or restricted.</summary>
public sealed class AuthorisationConventionTests
{
    [Test]
    public void EveryPageModel_DeclaresItsAuthorisation()
    {
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();

        Assert.That(pageModels, Is.Not.Empty);
        var undeclared = pageModels
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null && t.GetCustomAttribute<AuthorizeAttribute>() is null)
            .Select(t => t.FullName);
        Assert.That(undeclared, Is.Empty, "Mark each page model [AllowAnonymous] or [Authorize(...)] so its access is a decision, not a default.");
    }
}
