using Commissioning.Application.Tenders;
using Commissioning.Documents.Charts;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Results;

/// <summary>
/// A tender's results, lot by lot: the ranking, the bids excluded and why, what is still
/// outstanding (linked to where each is resolved, for a person who may resolve it), and the
/// charts, each with its summary, notes and a table of the same figures. For those who may see
/// results (<see cref="TenderOperation.ViewResults"/>); prices are left out for a person who may
/// not see them (the application layer decides: <see cref="ReadResults"/>).
/// </summary>
[Authorize]
public sealed class ResultsModel(TenderPageServices pages, ReadResults results) : TenderPageModel(pages)
{
    /// <summary>The results as this person may see them.</summary>
    public TenderResults Results { get; private set; } = null!;

    /// <summary>Shows the results.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenAsync(TenderOperation.ViewResults, cancel))
        {
            return NotFound();
        }

        var read = await results.HandleAsync(Me, TenderId, cancel);
        if (!read.Succeeded)
        {
            return NotFound();
        }

        Results = read.Value;
        return Page();
    }

    /// <summary>
    /// The address of the page where a group of outstanding items is resolved, when this person
    /// may resolve them there; null otherwise, or while the site has no such page (the page then
    /// says who resolves them, without a link).
    /// </summary>
    public string? ResolveAt(LotResults lot, OutstandingGroup group)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(group);
        if (!group.YouMayResolve)
        {
            return null;
        }

        return group.Where switch
        {
            ResolvedAt.Scoring => Url.Page("/Tenders/Evaluate/Worklist", new { id = TenderId }),
            ResolvedAt.Moderation => Url.Page("/Tenders/Moderate/Index", new { id = TenderId, lot = lot.Lot.Id }),
            ResolvedAt.GateDecisions => Url.Page("/Tenders/Moderate/Index", null, new { id = TenderId, lot = lot.Lot.Id }, null, null, "gates"),
            ResolvedAt.PriceDecisions => Url.Page("/Tenders/Moderate/Index", null, new { id = TenderId, lot = lot.Lot.Id }, null, null, "prices"),
            _ => null,
        };
    }

    /// <summary>What the link to where a group is resolved says.</summary>
    public static string ResolveLinkText(OutstandingGroup group) => group?.Where switch
    {
        ResolvedAt.Scoring => "Go to your scoring",
        ResolvedAt.Moderation => "Moderate this lot",
        ResolvedAt.GateDecisions => "Record the gate decisions",
        ResolvedAt.PriceDecisions => "Record the price decisions",
        _ => string.Empty,
    };

    /// <summary>
    /// A chart's SVG, written into the page as it is. Safe to write unencoded: the SVG is made by
    /// our own code (<see cref="EvaluationCharts"/>) as an XElement tree, so every text in it
    /// (provider names, section titles) is XML-escaped, and it holds no script, no style and no
    /// external reference (docs/evaluation.md, "Charts of a result"). Nothing a user typed reaches
    /// the page by any other route than that escaping; the chart's title, summary, notes and
    /// table are plain text and the page encodes them as usual.
    /// </summary>
    public static IHtmlContent Svg(Chart chart) => new HtmlString(chart?.Svg);
}
