using Commissioning.Core.Standards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Standards;

/// <summary>The list of rule sets. Public: the standards are published guidance.</summary>
[AllowAnonymous]
public sealed class IndexModel(StandardsCatalogue catalogue) : PageModel
{
    /// <summary>The rule sets in guide order.</summary>
    public IReadOnlyList<RuleSet> RuleSets => catalogue.RuleSets;

    /// <summary>How many requirements there are in all.</summary>
    public int RequirementCount => catalogue.Requirements.Count;

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
