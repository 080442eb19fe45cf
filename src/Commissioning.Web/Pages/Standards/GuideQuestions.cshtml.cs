using Commissioning.Core.Standards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Standards;

/// <summary>Traceability from each of the guide's commissioner questions to its requirement. Public.</summary>
[AllowAnonymous]
public sealed class GuideQuestionsModel(StandardsCatalogue catalogue) : PageModel
{
    /// <summary>Each guide question with the requirement that carries it, by question id.</summary>
    public IReadOnlyList<(GuideQuestion Question, Requirement Requirement)> Rows { get; } =
        [.. catalogue.Requirements
            .Where(r => r.GuideQuestion is not null)
            .Select(r => (r.GuideQuestion!, r))
            .OrderBy(p => p.Item1.Id, StringComparer.Ordinal)];

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
