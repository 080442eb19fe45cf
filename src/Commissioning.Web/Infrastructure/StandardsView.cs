using System.Collections.Concurrent;
using Commissioning.Core.Standards;
using Microsoft.AspNetCore.Html;

namespace Commissioning.Web.Infrastructure;

/// <summary>
/// What pages need to show the standards: safe HTML for their Markdown (rendered once and kept,
/// since the standards never change while the site runs), the words for strengths and evaluation
/// methods, and the glossary terms a page uses.
/// </summary>
public sealed class StandardsView(StandardsCatalogue catalogue)
{
    private readonly ConcurrentDictionary<string, IHtmlContent> _html = new(StringComparer.Ordinal);

    /// <summary>The catalogue.</summary>
    public StandardsCatalogue Catalogue { get; } = catalogue;

    /// <summary>The glossary index, built once.</summary>
    public GlossaryIndex Glossary { get; } = new(catalogue);

    /// <summary>Markdown from the standards as safe HTML.</summary>
    public IHtmlContent Html(string markdown) =>
        _html.GetOrAdd(markdown, m => new HtmlString(SafeMarkdown.ToHtml(m)));

    /// <summary>The glossary terms used by some requirements and any other text on the page.</summary>
    public IReadOnlyList<GlossaryTerm> TermsUsedBy(IEnumerable<Requirement> requirements, params string[] otherText) =>
        Glossary.TermsIn(requirements
            .SelectMany(r => new[] { r.Title, r.Statement, r.ProviderQuestion, string.Join(" ", r.Evidence) })
            .Concat(otherText));

    /// <summary>The words shown for a strength.</summary>
    public static string Label(Strength strength) => strength switch
    {
        Strength.Must => "Must",
        Strength.Should => "Should",
        _ => "Good practice",
    };

    /// <summary>The NHS tag colour class for a strength.</summary>
    public static string TagClass(Strength strength) => strength switch
    {
        Strength.Must => "nhsuk-tag",
        Strength.Should => "nhsuk-tag nhsuk-tag--aqua-green",
        _ => "nhsuk-tag nhsuk-tag--grey",
    };

    /// <summary>The words shown for an evaluation method.</summary>
    public static string Label(EvaluationMethod evaluation) => evaluation switch
    {
        EvaluationMethod.Gate => "Pass or fail",
        EvaluationMethod.Scored => "Scored",
        _ => "For information",
    };

    /// <summary>The NHS tag colour class for an evaluation method.</summary>
    public static string TagClass(EvaluationMethod evaluation) => evaluation switch
    {
        EvaluationMethod.Gate => "nhsuk-tag nhsuk-tag--orange",
        EvaluationMethod.Scored => "nhsuk-tag nhsuk-tag--white",
        _ => "nhsuk-tag nhsuk-tag--grey",
    };

    /// <summary>The words shown for a maturity level.</summary>
    public static string Label(MaturityLevel maturity) => maturity switch
    {
        MaturityLevel.Core => "Core",
        MaturityLevel.Transformative => "Transformative",
        _ => "Exemplary",
    };

    /// <summary>A source reference with the document's title, for people.</summary>
    public string Describe(SourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var document = Catalogue.Sources.FirstOrDefault(s => s.Key == reference.DocumentKey);
        return document is null
            ? reference.ToString()
            : $"{document.Publisher}, {document.Title} ({document.Published}), section: {reference.Section}";
    }
}
