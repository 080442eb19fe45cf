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
        Strength.GoodPractice => "Good practice",
        _ => "Optional",
    };

    /// <summary>The NHS tag colour for a strength (null for the default blue).</summary>
    public static string? TagColour(Strength strength) => strength switch
    {
        Strength.Must => null,
        Strength.Should => "aqua-green",
        _ => "grey",
    };

    /// <summary>The words shown for a field that can carry the toolkit's judgement.</summary>
    public static string Label(JudgedField field) => field switch
    {
        JudgedField.Strength => "Strength",
        JudgedField.EvaluatedAs => "Evaluated as",
        JudgedField.AppliesWhen => "Applies to",
        JudgedField.EssentialWhen => "Essential where",
        _ => "Maturity",
    };

    /// <summary>
    /// The field's label with the value it explains, such as "Strength (should)". Conditions are
    /// shown in full beside the mark already, so they get the label alone.
    /// </summary>
    public static string JudgedFieldWithValue(Requirement requirement, JudgedField field)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return field switch
        {
            JudgedField.Strength => $"{Label(field)} ({Label(requirement.Strength).ToLowerInvariant()})",
            JudgedField.EvaluatedAs => $"{Label(field)} ({Label(requirement.Evaluation).ToLowerInvariant()})",
            JudgedField.Maturity => $"{Label(field)} ({Label(requirement.Maturity).ToLowerInvariant()})",
            _ => Label(field),
        };
    }

    /// <summary>The counts of each strength among some requirements, in words ("3 must, 2 should, 1 good practice").</summary>
    public static string StrengthCounts(IEnumerable<Strength> strengths)
    {
        var list = strengths.ToList();
        var parts = new List<string>
        {
            $"{list.Count(s => s == Strength.Must)} must",
            $"{list.Count(s => s == Strength.Should)} should",
            $"{list.Count(s => s == Strength.GoodPractice)} good practice",
        };
        if (list.Any(s => s == Strength.Optional))
        {
            parts.Add($"{list.Count(s => s == Strength.Optional)} optional");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The words shown for an evaluation method.</summary>
    public static string Label(EvaluationMethod evaluation) => evaluation switch
    {
        EvaluationMethod.Gate => "Pass or fail",
        EvaluationMethod.Scored => "Scored",
        _ => "For information",
    };

    /// <summary>The NHS tag colour for an evaluation method.</summary>
    public static string TagColour(EvaluationMethod evaluation) => evaluation switch
    {
        EvaluationMethod.Gate => "orange",
        EvaluationMethod.Scored => "white",
        _ => "grey",
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
