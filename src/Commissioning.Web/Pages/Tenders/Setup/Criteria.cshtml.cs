using Commissioning.Web.Infrastructure;
using Commissioning.Application.Tenders;
using System.Globalization;
using Commissioning.Application;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The award criteria task, one lot at a time: quality against price, each section within quality
/// and each question within its section, as percentages, with the totals worked out on the server
/// so they show without JavaScript.
/// </summary>
[Authorize]
public sealed class CriteriaModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator, IValidator<WeightsInput> validator) : LotTaskModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.AwardCriteria;

    /// <summary>The weights form.</summary>
    [BindProperty]
    public WeightsInput Input { get; set; } = new();

    /// <summary>Shows the lot's weights as stored.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel) || !FindLot(LotId))
        {
            return NotFound();
        }

        if (Lot is not null)
        {
            Input = FromLot(Lot, Setup.Version);
        }

        return Page();
    }

    /// <summary>Saves the lot's weights; they are saved even when a level does not yet add up to 100%, which the task then lists as a problem.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (Input.LotId is null || !await OpenSetupAsync(cancel) || !FindLot(Input.LotId) || Lot is null)
        {
            return NotFound();
        }

        var complete = Complete(Input.Completed);
        var lotId = Lot.Id;
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task, tender =>
            {
                var sections = Input.Sections.ToDictionary(p => p.Key, p => WeightsInput.Percent(p.Value)!.Value, StringComparer.Ordinal);
                var questions = Input.Questions.ToDictionary(p => p.Key, p => WeightsInput.Percent(p.Value)!.Value, StringComparer.Ordinal);
                return tender.FindLot(lotId) is null
                    ? Outcome<Tender>.Fail(FailureKind.Conflict, "The lot was removed since this page was shown. Nothing was saved.")
                    : Outcome<Tender>.Success(TenderDrafts.SetWeights(tender, lotId, WeightsInput.Percent(Input.Quality)!.Value, WeightsInput.Percent(Input.Price)!.Value, sections, questions,
                        Input.InPoints ? WeightUnit.Points : WeightUnit.Percent));
            }, complete, cancel), cancel))
        {
            Done = $"Weights for {Lot.Title} saved.";
            return complete is null ? RedirectToPage(new { id = TenderId, lot = lotId }) : RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        return Page();
    }

    /// <summary>The total of the percentages typed for a set of fields (those that are numbers), for the running totals.</summary>
    public static decimal Total(IEnumerable<string?> values) => values.Select(WeightsInput.Percent).OfType<decimal>().Sum();

    /// <summary>A percentage as the page shows it.</summary>
    public static string Shown(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A level's total as the page shows it: a percentage that must be 100, or points with each part's share; the first part is shown strong.</summary>
    public (string Total, string Note) TotalText(decimal total, IEnumerable<(string Name, string? Typed)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (!Input.InPoints)
        {
            return (Shown(total), total == 100m ? "" : " (must be 100%)");
        }

        if (total <= 0)
        {
            return ("0 points", " (must be more than 0)");
        }

        var shares = parts.Select(p => (p.Name, Points: WeightsInput.Percent(p.Typed))).Where(p => p.Points is not null)
            .Select(p => $"{p.Name} {Shown(Math.Round(p.Points!.Value / total * 100m, 2, MidpointRounding.AwayFromZero))}");
        return ($"{total.ToString("0.##", CultureInfo.InvariantCulture)} points", $" ({string.Join(", ", shares)})");
    }

    /// <summary>
    /// The warning shown while social value and net zero carry less than 10% of the lot's total
    /// (the minimum NHS bodies apply; the evaluation gives the same warning). It warns and does not
    /// block: publishing with less is the commissioner's decision.
    /// </summary>
    public static string SocialValueWarning(Lot lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var share = Shown(Math.Round(lot.SocialValueShareOfTotal, 2, MidpointRounding.AwayFromZero));
        return lot.Sections.Any(s => s.SocialValue)
            ? $"Social value and net zero carry {share} of this lot's total, as saved. NHS bodies give them at least 10%: raise the weight of the social value section, or of quality."
            : "No section of this lot is marked as social value and net zero, so they carry 0% of its total. NHS bodies give them at least 10%: add a social value and net zero section with its questions, or mark an existing section as one.";
    }

    private static WeightsInput FromLot(Lot lot, long version)
    {
        var allPoints = lot.Weights == WeightUnit.Points && lot.SectionWeights == WeightUnit.Points && lot.Sections.All(s => s.QuestionWeights == WeightUnit.Points);
        if (!allPoints && (lot.Weights != WeightUnit.Percent || lot.SectionWeights != WeightUnit.Percent || lot.Sections.Any(s => s.QuestionWeights != WeightUnit.Percent)))
        {
            // Mixed units (from an imported file) are shown as the percentages they stand for.
            return new WeightsInput
            {
                LotId = lot.Id,
                Version = version,
                Quality = Text(lot.QualitySharePercent),
                Price = Text(lot.PriceSharePercent),
                Sections = lot.Sections.ToDictionary(s => s.Id, s => (string?)Text(lot.SectionSharePercent(s)), StringComparer.Ordinal),
                Questions = lot.Sections.SelectMany(s => s.Questions.Select(q => (q.Id, Value: (string?)Text(s.QuestionSharePercent(q))))).ToDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal),
            };
        }

        return new WeightsInput
        {
            LotId = lot.Id,
            Version = version,
            Unit = allPoints ? "points" : "percent",
            Quality = Text(lot.QualityWeight),
            Price = Text(lot.PriceWeight),
            Sections = lot.Sections.ToDictionary(s => s.Id, s => (string?)Text(s.Weight), StringComparer.Ordinal),
            Questions = lot.Sections.SelectMany(s => s.Questions.Select(q => (q.Id, Value: (string?)Text(q.Weight)))).ToDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal),
        };
    }

    private static string Text(decimal value) => decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
