using Commissioning.Core.Lifecycle;

namespace Commissioning.Web.Pages.Tenders.Stage;

/// <summary>A stage as the confirmation page's address names it, such as <c>award-recommended</c>.</summary>
public static class StageSlugs
{
    private static readonly Dictionary<TenderStage, string> Slugs = Enum.GetValues<TenderStage>().ToDictionary(s => s, Slug);

    /// <summary>The stage's part of the address.</summary>
    public static string Of(TenderStage stage) => Slugs[stage];

    /// <summary>The stage an address names; false for anything else.</summary>
    public static bool TryParse(string? slug, out TenderStage stage)
    {
        foreach (var (candidate, text) in Slugs)
        {
            if (string.Equals(text, slug, StringComparison.Ordinal))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }

    private static string Slug(TenderStage stage) =>
        string.Concat(stage.ToString().Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "-") + char.ToLowerInvariant(c) : c.ToString()));
}
