using System.Reflection;
using System.Text.RegularExpressions;
using Commissioning.NhsUk.TagHelpers;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Web;

/// <summary>
/// The page templates write no NHS.UK component markup by hand: every form control, error
/// message, summary list, table, tag and the rest come from the components, which fill their ids,
/// error classes and descriptions themselves. Links between pages name the page, not its address.
/// Each rule is shown to catch a deliberate breach, so it cannot pass by finding nothing.
/// </summary>
[TestFixture]
public sealed partial class PageMarkupTests
{
    /// <summary>The root class of each component with a tag helper; a page may not write these, or their __parts and --variants.</summary>
    private static readonly Dictionary<string, string[]> ComponentClasses = new(StringComparer.Ordinal)
    {
        ["back-link"] = ["nhsuk-back-link"],
        ["breadcrumb"] = ["nhsuk-breadcrumb"],
        ["button"] = ["nhsuk-button"],
        ["card"] = ["nhsuk-card"],
        ["character-count"] = ["nhsuk-character-count"],
        ["checkboxes"] = ["nhsuk-checkboxes"],
        ["date-input"] = ["nhsuk-date-input"],
        ["details"] = ["nhsuk-details", "nhsuk-expander"],
        ["error-message"] = ["nhsuk-error-message"],
        ["error-summary"] = ["nhsuk-error-summary"],
        ["fieldset"] = ["nhsuk-fieldset"],
        ["file-upload"] = ["nhsuk-file-upload"],
        ["hint"] = ["nhsuk-hint"],
        ["input"] = ["nhsuk-input", "nhsuk-form-group"],
        ["inset-text"] = ["nhsuk-inset-text"],
        ["label"] = ["nhsuk-label"],
        ["legend"] = ["nhsuk-fieldset"],
        ["notification-banner"] = ["nhsuk-notification-banner"],
        ["pagination"] = ["nhsuk-pagination"],
        ["panel"] = ["nhsuk-panel"],
        ["radios"] = ["nhsuk-radios"],
        ["select"] = ["nhsuk-select"],
        ["skip-link"] = ["nhsuk-skip-link"],
        ["summary-list"] = ["nhsuk-summary-list"],
        ["tables"] = ["nhsuk-table", "nhsuk-table-responsive", "nhsuk-table-container"],
        ["tag"] = ["nhsuk-tag"],
        ["task-list"] = ["nhsuk-task-list"],
        ["textarea"] = ["nhsuk-textarea"],
        ["warning-callout"] = ["nhsuk-warning-callout"],
    };

    private static IEnumerable<string> Templates() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Commissioning.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);

    [Test]
    public void ComponentClasses_NameEveryComponentWithATagHelper()
    {
        var components = typeof(FieldTagHelper).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<NhsUkComponentAttribute>()?.Component).OfType<string>().Distinct().Order().ToList();
        Assert.That(components, Is.EquivalentTo(ComponentClasses.Keys), "each component with a tag helper has its classes banned from pages");
    }

    [Test]
    public void Pages_WriteNoComponentMarkupByHand()
    {
        var found = Templates().SelectMany(file => HandWritten(File.ReadAllText(file)).Select(f => $"{Path.GetRelativePath(Repository.Root, file)}: {f}")).ToList();
        Assert.That(found, Is.Empty);
        Assert.That(Templates().Count(), Is.GreaterThan(25), "the templates were found");
    }

    [Test]
    public void Pages_LinkByPageName_NotByAddress()
    {
        var found = Templates().SelectMany(file => AddressLinks(File.ReadAllText(file)).Select(f => $"{Path.GetRelativePath(Repository.Root, file)}: {f}")).ToList();
        Assert.That(found, Is.Empty);
    }

    [Test]
    public void HandWritten_ABreach_IsFound()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HandWritten("""<input class="nhsuk-input nhsuk-input--error" id="x" name="x">"""), Has.Count.EqualTo(3), "a form control and its two classes");
            Assert.That(HandWritten("""<span class="nhsuk-error-message" id="x-error">"""), Has.Count.EqualTo(1));
            Assert.That(HandWritten("""<div class="@(bad ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group")">"""), Is.Not.Empty, "a class worked out in Razor");
            Assert.That(HandWritten("""<dt class="nhsuk-summary-list__key">"""), Has.Count.EqualTo(1), "a part");
            Assert.That(HandWritten("""<select name="x"></select><textarea name="y"></textarea><button type="submit">Go</button>"""), Has.Count.EqualTo(3), "bare controls");
            Assert.That(HandWritten("""<ul class="nhsuk-grid-row nhsuk-card-group"><input type="hidden" name="v" value="1"><span class="nhsuk-u-visually-hidden">"""), Is.Empty, "layout, hidden fields and utilities are not components");
        });
    }

    [Test]
    public void AddressLinks_ABreach_IsFound()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AddressLinks("""<a href="/standards">The standards</a>"""), Has.Count.EqualTo(1));
            Assert.That(AddressLinks("""<nhsuk-back-link href="/tenders">Back</nhsuk-back-link>"""), Has.Count.EqualTo(1));
            Assert.That(AddressLinks("""<a asp-page="/Standards/Index">The standards</a><a href="#key">Key</a><a href="@Model.ChangeAnswersUrl">Change</a>"""), Is.Empty);
        });
    }

    /// <summary>Component classes and form controls written by hand in a template (hidden fields and the header's own sign-out button apart).</summary>
    private static List<string> HandWritten(string template)
    {
        var found = new List<string>();
        var roots = ComponentClasses.Values.SelectMany(r => r).Distinct().ToList();
        foreach (Match attribute in ClassAttribute().Matches(template))
        {
            var classes = attribute.Groups[1].Success ? attribute.Groups[1].Value : attribute.Groups[2].Value;
            foreach (Match token in ClassToken().Matches(classes))
            {
                var name = token.Value;
                if (roots.Any(root => name == root || name.StartsWith(root + "__", StringComparison.Ordinal) || name.StartsWith(root + "--", StringComparison.Ordinal)))
                {
                    found.Add($"class {name}");
                }
            }
        }

        foreach (Match control in Control().Matches(template))
        {
            var tag = control.Value;
            if (!tag.Contains("type=\"hidden\"", StringComparison.Ordinal) && !tag.Contains("nhsuk-header__", StringComparison.Ordinal))
            {
                found.Add($"a <{control.Groups[1].Value}> written by hand");
            }
        }

        return found;
    }

    /// <summary>Links written as an address on this site (<c>href="/…"</c>) rather than by page name.</summary>
    private static List<string> AddressLinks(string template) =>
        [.. AddressLink().Matches(template).Select(m => m.Value)];

    [GeneratedRegex("""class\s*=\s*"((?:[^"@]|@\((?:[^()]|\([^()]*\))*\)|@[A-Za-z.]+)*)"|class\s*=\s*'([^']*)'""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex("""nhsuk-[a-z0-9_-]+""")]
    private static partial Regex ClassToken();

    [GeneratedRegex("""<(input|select|textarea|button)\b[^>]*>""")]
    private static partial Regex Control();

    [GeneratedRegex("""<(?:a|nhsuk-[a-z-]+)\b[^>]*\bhref\s*=\s*"/[^"]*"[^>]*>""")]
    private static partial Regex AddressLink();
}
