using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commissioning.Web.Pages.Specification;

/// <summary>
/// The tailored specification for the organisation described in the address. Public, and
/// nothing is stored: the address is the whole of the input, so it can be bookmarked or shared.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(StandardsView view, IValidator<ProfileInput> validator) : PageModel
{
    /// <summary>The answers, read from the query string.</summary>
    [BindProperty(SupportsGet = true)]
    public ProfileInput Input { get; set; } = new();

    /// <summary>The specification, when the answers are valid.</summary>
    public Commissioning.Core.Tailoring.Specification? Specification { get; private set; }

    /// <summary>What is wrong with the answers in the address, if anything.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The glossary terms the page uses.</summary>
    public IReadOnlyList<GlossaryTerm> Terms { get; private set; } = [];

    /// <summary>The rule sets in guide order.</summary>
    public IReadOnlyList<RuleSet> RuleSets => view.Catalogue.RuleSets;

    /// <summary>The address of the form, filled in with these answers.</summary>
    public string ChangeAnswersUrl => Url.Page("/Specification/Profile", Input.ForRedisplay().ToRouteValues()) ?? "/specification/profile";

    /// <summary>Tailors the standards to the profile, or explains what is wrong with it.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Request.Query.Count == 0)
        {
            return RedirectToPage("/Specification/Profile");
        }

        Input.RepeatedFields = ProfileInput.Repeated(Request.Query);
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            Problems = [.. result.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal)];
            return Page();
        }

        var profile = Input.ToProfile();
        Specification = Tailor.For(view.Catalogue, profile);
        Terms = view.Glossary.TermsIn(Specification.Applicable
            .SelectMany(i => new[] { i.Requirement.Title, i.Requirement.ProviderQuestion, i.Reason }));
        return Page();
    }

    /// <summary>The tailored items of one rule set.</summary>
    public IReadOnlyList<TailoredRequirement> ItemsOf(RuleSet ruleSet) =>
        [.. Specification!.Items.Where(i => i.Requirement.RuleSetId == ruleSet.Id)];

    /// <summary>The type of organisation in words.</summary>
    public static string TypeLabel(OrganisationProfile profile) => Vocabulary.Of(profile!.Type).Label;

    /// <summary>The type as a noun without its article ("GP practice or PCN"), for "every GP practice or PCN".</summary>
    public static string TypeNoun(OrganisationProfile profile)
    {
        var noun = Vocabulary.Of(profile!.Type).Noun;
        return noun.StartsWith("an ", StringComparison.Ordinal) ? noun[3..] : noun.StartsWith("a ", StringComparison.Ordinal) ? noun[2..] : noun;
    }

    /// <summary>
    /// The toolkit judgements that bear on a requirement as it stands for this organisation: all
    /// but the maturity mapping, which the specification does not show.
    /// </summary>
    public static IReadOnlyList<ToolkitJudgement> JudgementsFor(TailoredRequirement item) =>
        [.. item!.Requirement.Judgements.Where(j => j.Field != JudgedField.Maturity)];
}
