using System.Globalization;
using System.Text;
using Commissioning.NhsUk.Components;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.Tests.Components;

/// <summary>
/// Each component against the design system's own fixtures (nhsuk-frontend 10.6.1): every case
/// whose options the component offers is rendered by the component and compared, as HTML, with
/// the HTML the design system's template renders. The rest are left out, each with its reason,
/// and counted.
/// </summary>
[TestFixture]
public sealed class FixtureConformanceTests
{
    /// <summary>The components under test: each fixture file and the renderer the tag helpers call.</summary>
    internal static readonly IReadOnlyList<ComponentUnderTest> Components =
    [
        ComponentUnderTest.For<BackLinkOptions>("back-link", Render.BackLink),
        ComponentUnderTest.For<BreadcrumbOptions>("breadcrumb", Render.Breadcrumb),
        ComponentUnderTest.For<ButtonOptions>("button", Render.Button),
        ComponentUnderTest.For<CardOptions>("card", Render.Card),
        ComponentUnderTest.For<CharacterCountOptions>("character-count", Render.CharacterCount),
        ComponentUnderTest.For<CheckboxesOptions>("checkboxes", Render.Checkboxes),
        ComponentUnderTest.For<DateInputOptions>("date-input", Render.DateInput),
        ComponentUnderTest.For<DetailsOptions>("details", Render.Details),
        ComponentUnderTest.For<ErrorMessageOptions>("error-message", Render.ErrorMessage),
        ComponentUnderTest.For<ErrorSummaryOptions>("error-summary", Render.ErrorSummary),
        ComponentUnderTest.For<FieldsetOptions>("fieldset", Render.Fieldset),
        ComponentUnderTest.For<FileUploadOptions>("file-upload", Render.FileUpload),
        ComponentUnderTest.For<HintOptions>("hint", Render.Hint),
        ComponentUnderTest.For<InputOptions>("input", Render.Input),
        ComponentUnderTest.For<InsetTextOptions>("inset-text", Render.InsetText),
        ComponentUnderTest.For<LabelOptions>("label", Render.Label),
        ComponentUnderTest.For<LegendOptions>("legend", Render.Legend),
        ComponentUnderTest.For<NotificationBannerOptions>("notification-banner", Render.NotificationBanner),
        ComponentUnderTest.For<PaginationOptions>("pagination", Render.Pagination),
        ComponentUnderTest.For<PanelOptions>("panel", Render.Panel),
        ComponentUnderTest.For<RadiosOptions>("radios", Render.Radios),
        ComponentUnderTest.For<SelectOptions>("select", Render.Select),
        ComponentUnderTest.For<SkipLinkOptions>("skip-link", Render.SkipLink),
        ComponentUnderTest.For<SummaryListOptions>("summary-list", Render.SummaryList),
        ComponentUnderTest.For<TableOptions>("tables", Render.Table),
        ComponentUnderTest.For<TagOptions>("tag", Render.Tag),
        ComponentUnderTest.For<TaskListOptions>("task-list", Render.TaskList),
        ComponentUnderTest.For<TextareaOptions>("textarea", Render.Textarea),
        ComponentUnderTest.For<WarningCalloutOptions>("warning-callout", Render.WarningCallout),
    ];

    private static IEnumerable<TestCaseData> ComparedCases() =>
        Components.SelectMany(c => c.Cases().Where(x => x.Reason is null).Select(x => new TestCaseData(c.Name, x.Case).SetArgDisplayNames(x.Case.ToString())));

    [TestCaseSource(nameof(ComparedCases))]
    public void Fixture_RenderedByTheComponent_IsTheDesignSystemsHtml(string component, FixtureCase fixture)
    {
        var under = Components.Single(c => c.Name == component);
        var html = under.RenderCase(fixture);
        HtmlAssert.AreEqual(fixture.Html, html, $"{fixture} with {fixture.Context.ToJsonString()}");
    }

    [Test]
    public void TagHelpers_EachDrawsAComponentWhoseFixturesAreCompared()
    {
        var tagHelpers = typeof(Commissioning.NhsUk.TagHelpers.FieldTagHelper).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Razor.TagHelpers.TagHelper).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.That(tagHelpers, Has.Count.GreaterThan(30), "the tag helpers were found");
        foreach (var type in tagHelpers)
        {
            var component = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Commissioning.NhsUk.TagHelpers.NhsUkComponentAttribute>(type)?.Component;
            Assert.That(component, Is.Not.Null, $"{type.Name} names the component it draws");
            var under = Components.SingleOrDefault(c => c.Name == component);
            Assert.That(under, Is.Not.Null, $"{type.Name} draws '{component}', which has no fixtures under test");
            Assert.That(under!.Cases().Count(c => c.Reason is null), Is.GreaterThan(0), $"{type.Name}: '{component}' has no fixture compared");
        }
    }

    [Test]
    public void Fixtures_EveryCaseComparedOrLeftOutWithItsReason_CountsPrinted()
    {
        var report = new StringBuilder();
        var total = (Compared: 0, LeftOut: 0);
        report.AppendLine("NHS.UK frontend 10.6.1 fixtures: compared and left out, per component");
        foreach (var component in Components)
        {
            var cases = component.Cases();
            var compared = cases.Count(c => c.Reason is null);
            var leftOut = cases.Where(c => c.Reason is not null).ToList();
            total = (total.Compared + compared, total.LeftOut + leftOut.Count);
            report.AppendLine(CultureInfo.InvariantCulture, $"{component.Name}: {compared} compared, {leftOut.Count} left out");
            foreach (var group in leftOut.GroupBy(c => c.Reason))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    left out ({group.Count()}): {group.Key} [{string.Join("; ", group.Select(g => $"#{g.Case.Index} {g.Case.Name}"))}]");
            }

            Assert.That(compared, Is.GreaterThan(0), $"{component.Name}: a component with a tag helper must have fixtures compared");
            foreach (var named in component.LeftOutByName.Keys)
            {
                Assert.That(cases.Any(c => c.Case.Name == named), Is.True, $"{component.Name}: the case left out by name, '{named}', is not in the fixture file");
            }
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"In all: {total.Compared} compared, {total.LeftOut} left out, over {Components.Count} components.");
        TestContext.Progress.WriteLine(report.ToString());
        TestContext.Out.WriteLine(report.ToString());
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nhsuk-fixtures.txt"), report.ToString());
    }
}

/// <summary>A component under test: its fixture file, how a case becomes its options, and its renderer.</summary>
internal sealed class ComponentUnderTest
{
    private readonly Func<FixtureCase, (IHtmlContent? Html, string? Reason)> _render;

    private ComponentUnderTest(string name, Func<FixtureCase, (IHtmlContent? Html, string? Reason)> render, IReadOnlyDictionary<string, string> leftOutByName)
    {
        Name = name;
        _render = render;
        LeftOutByName = leftOutByName;
    }

    /// <summary>The component's name, as its fixture file is named.</summary>
    public string Name { get; }

    /// <summary>Cases left out by name, with the reason.</summary>
    public IReadOnlyDictionary<string, string> LeftOutByName { get; }

    /// <summary>A component whose options type is <typeparamref name="T"/>.</summary>
    public static ComponentUnderTest For<T>(string name, Func<T, IHtmlContent?> render, params (string Fixture, string Reason)[] leftOut)
        where T : class =>
        new(name, fixture =>
        {
            var options = DesignSystemFixtures.Options<T>(fixture, out var notOffered);
            return options is null
                ? (null, $"uses {notOffered}, which the site's component does not offer")
                : (render(options), null);
        }, leftOut.ToDictionary(l => l.Fixture, l => l.Reason));

    /// <summary>Every case of the component, with the reason it is left out, or null when it is compared.</summary>
    public IReadOnlyList<(FixtureCase Case, string? Reason)> Cases() =>
        [.. DesignSystemFixtures.Load(Name).Select(c => (c, LeftOutByName.TryGetValue(c.Name, out var why) ? why : _render(c).Reason))];

    /// <summary>Renders one case to HTML.</summary>
    public string RenderCase(FixtureCase fixture)
    {
        var (html, reason) = _render(fixture);
        Assert.That(reason, Is.Null, $"{fixture} cannot be rendered: {reason}");
        return html is null ? string.Empty : Markup.ToHtml(html);
    }
}
