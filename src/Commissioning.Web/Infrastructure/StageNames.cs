using Commissioning.Core.Lifecycle;

namespace Commissioning.Web.Infrastructure;

/// <summary>A tender's stage as a heading or a table cell shows it.</summary>
public static class StageNames
{
    /// <summary>The stage's name, such as "Open for bids".</summary>
    public static string Of(TenderStage stage) => stage switch
    {
        TenderStage.Draft => "Draft",
        TenderStage.OpenForBids => "Open for bids",
        TenderStage.Evaluation => "Evaluation",
        TenderStage.Moderation => "Moderation",
        TenderStage.AwardRecommended => "Award recommended",
        TenderStage.Standstill => "Standstill",
        TenderStage.Awarded => "Awarded",
        TenderStage.Closed => "Closed",
        TenderStage.Cancelled => "Cancelled",
        _ => stage.ToString(),
    };
}
