using System.Globalization;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;

namespace Commissioning.Documents.Specification;

/// <summary>The words the specification, questionnaire and readiness documents use for levels, methods and sources, in one place.</summary>
internal static class DocumentWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Must", "Should", "Good practice", "Optional", as the site shows them.</summary>
    public static string Strength(Strength strength) => strength switch
    {
        Core.Standards.Strength.Must => "Must",
        Core.Standards.Strength.Should => "Should",
        Core.Standards.Strength.GoodPractice => "Good practice",
        _ => "Optional",
    };

    /// <summary>"Pass or fail", "Scored", "For information", as the site shows them.</summary>
    public static string Evaluation(EvaluationMethod evaluation) => evaluation switch
    {
        EvaluationMethod.Gate => "Pass or fail",
        EvaluationMethod.Scored => "Scored",
        _ => "For information",
    };

    /// <summary>How a requirement is evaluated, in a sentence for the reader.</summary>
    public static string EvaluationSentence(EvaluationMethod evaluation, bool commissionerDuty) => commissionerDuty
        ? "Asked of providers for information only: it is your organisation's own duty, so it is never scored or made pass or fail."
        : evaluation switch
        {
            EvaluationMethod.Gate => "Pass or fail: a provider that does not meet it cannot be chosen, however well it does on everything else.",
            EvaluationMethod.Scored => "Scored against the tender's scoring scale.",
            _ => "Asked for information; not scored.",
        };

    /// <summary>The label of a field the toolkit judged, as the site shows it.</summary>
    public static string JudgedField(JudgedField field) => field switch
    {
        Core.Standards.JudgedField.Strength => "strength",
        Core.Standards.JudgedField.EvaluatedAs => "evaluated as",
        Core.Standards.JudgedField.AppliesWhen => "applies to",
        Core.Standards.JudgedField.EssentialWhen => "essential where",
        _ => "maturity",
    };

    /// <summary>"Monthly", "Quarterly", "Annually".</summary>
    public static string Frequency(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => "Monthly",
        ReportingFrequency.Quarterly => "Quarterly",
        _ => "Annually",
    };

    /// <summary>A whole number with thousands separators, such as "7,800".</summary>
    public static string Count(int value) => value.ToString("N0", English);

    /// <summary>A source reference for people, with the document's title where the catalogue knows it.</summary>
    public static string Source(StandardsCatalogue standards, SourceReference reference)
    {
        var document = standards.Sources.FirstOrDefault(s => s.Key == reference.DocumentKey);
        return document is null ? reference.ToString() : $"{document.Title} ({document.Publisher}, {document.Published}), {reference.Section}";
    }

    /// <summary>The first letter as a capital.</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
