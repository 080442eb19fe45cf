using System.Text.RegularExpressions;
using Commissioning.Core.Standards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Standards;

/// <summary>Every glossary term. Public.</summary>
[AllowAnonymous]
public sealed partial class GlossaryModel(StandardsCatalogue catalogue) : PageModel
{
    /// <summary>The terms, alphabetical.</summary>
    public IReadOnlyList<GlossaryTerm> Terms => catalogue.Glossary;

    /// <summary>A stable anchor for a term, such as <c>term-esr</c>.</summary>
    public string Anchor(GlossaryTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return "term-" + NotAlphanumeric().Replace(term.Term.ToLowerInvariant(), "-").Trim('-');
    }

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
