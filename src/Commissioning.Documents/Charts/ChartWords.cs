using System.Globalization;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;

namespace Commissioning.Documents.Charts;

/// <summary>The words and number formats the charts share, after the evaluation's own (<c>evaluation/words.txt.scriban</c>).</summary>
internal static class ChartWords
{
    /// <summary>A count, such as "1,000".</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A price method as the evaluation's words name it.</summary>
    public static string Method(PriceMethod method) => method switch
    {
        PriceMethod.Proportional => "proportional",
        PriceMethod.Linear => "linear to a ceiling",
        PriceMethod.Deviation => "deviation from lowest",
        _ => "price per quality point",
    };

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Why a bid is not ranked, in the words of the evaluation's breakdown.</summary>
    public static string ExcludedBecause(BidResult bid) =>
        bid.Disqualified ? "a gate was failed"
        : bid.ExcludedForLowPrice ? "the price was found abnormally low after the bidder was asked to explain it"
        : "a minimum threshold was not met";

    /// <summary>A sentence for each bid a ranking chart leaves out, and one if the result is provisional.</summary>
    public static List<string> Notes(LotResult lot)
    {
        var notes = lot.Bids.Where(b => b.Rank is null)
            .Select(b => $"{b.Bid.Provider} is not shown: excluded, {ExcludedBecause(b)}.")
            .ToList();
        if (lot.Bids.Count > 0 && !lot.Complete)
        {
            notes.Add("The result is provisional: scores or decisions are still outstanding.");
        }

        return notes;
    }

    /// <summary>Money on an axis, short: "£5m", "£450k", "£0".</summary>
    public static string CompactMoney(double value)
    {
        var magnitude = Math.Abs(value);
        var (scaled, suffix) = magnitude >= 1_000_000 ? (value / 1_000_000, "m") : magnitude >= 1_000 ? (value / 1_000, "k") : (value, string.Empty);
        var text = "£" + Math.Abs(scaled).ToString("0.##", CultureInfo.InvariantCulture) + suffix;
        return value < 0 ? "-" + text : text;
    }

    /// <summary>A signed number for an axis, with a true minus sign: "−10", "0", "+5".</summary>
    public static string Signed(double value)
    {
        var text = Rounding.Number((decimal)Math.Abs(value));
        return value > 0 ? "+" + text : value < 0 ? "\u2212" + text : "0";
    }
}
