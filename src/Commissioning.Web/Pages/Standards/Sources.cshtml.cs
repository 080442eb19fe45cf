using Commissioning.Core.Standards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Standards;

/// <summary>The source documents and which requirements cite each section. Public.</summary>
[AllowAnonymous]
public sealed class SourcesModel(StandardsCatalogue catalogue) : PageModel
{
    /// <summary>The documents.</summary>
    public IReadOnlyList<SourceDocument> Sources => catalogue.Sources;

    /// <summary>The requirements that cite a section.</summary>
    public IReadOnlyList<Requirement> Citing(string documentKey, string section) =>
        [.. catalogue.Requirements.Where(r => r.Sources.Any(s => s.DocumentKey == documentKey && s.Section == section))];

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
