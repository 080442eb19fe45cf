using Commissioning.Core.Standards;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Standards;

/// <summary>One rule set, rendered from its Markdown. Public.</summary>
[AllowAnonymous]
public sealed class RuleSetModel(StandardsView view) : PageModel
{
    /// <summary>The rule set shown.</summary>
    public RuleSet RuleSet { get; private set; } = null!;

    /// <summary>The glossary terms the page uses.</summary>
    public IReadOnlyList<GlossaryTerm> Terms { get; private set; } = [];

    /// <summary>Shows the rule set, or 404 if there is none with that id.</summary>
    public IActionResult OnGet(string id)
    {
        var ruleSet = view.Catalogue.FindRuleSet(id);
        if (ruleSet is null)
        {
            return NotFound();
        }

        RuleSet = ruleSet;
        Terms = view.TermsUsedBy(ruleSet.Requirements, ruleSet.Introduction);
        return Page();
    }
}
