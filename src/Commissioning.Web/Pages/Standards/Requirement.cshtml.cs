using Commissioning.Core.Standards;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Standards;

/// <summary>One requirement on its own page, at a stable URL built from its id. Public.</summary>
[AllowAnonymous]
public sealed class RequirementModel(StandardsView view) : PageModel
{
    /// <summary>The requirement shown.</summary>
    public Requirement Requirement { get; private set; } = null!;

    /// <summary>The rule set that holds it.</summary>
    public RuleSet RuleSet { get; private set; } = null!;

    /// <summary>The glossary terms the page uses.</summary>
    public IReadOnlyList<GlossaryTerm> Terms { get; private set; } = [];

    /// <summary>Shows the requirement, or 404 if no requirement has that id.</summary>
    public IActionResult OnGet(string id)
    {
        var requirement = view.Catalogue.FindRequirement(id);
        if (requirement is null)
        {
            return NotFound();
        }

        Requirement = requirement;
        RuleSet = view.Catalogue.RuleSetOf(requirement);
        Terms = view.TermsUsedBy([requirement]);
        return Page();
    }
}
