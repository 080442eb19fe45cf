using System.Globalization;
using Commissioning.Application;
using Commissioning.Application.Tenders;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Web.Forms;
using Commissioning.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Web.Pages.Tenders.Setup;

/// <summary>
/// The scale and thresholds task: the scoring scale with every level's descriptor, the spread of
/// evaluators' scores that calls for moderation, and each lot's minimum quality, section minimums and question minimum scores.
/// </summary>
[Authorize]
public sealed class ScaleModel(TenderPageServices pages, ReadTenderSetup read, ChangeTenderSetup change, IValidator<TaskCompleteInput> completeValidator,
    IValidator<ScaleInput> validator) : SetupPageModel(pages, read, change, completeValidator)
{
    /// <inheritdoc />
    public override SetupTask Task => SetupTask.ScaleAndThresholds;

    /// <summary>The scales offered, by their maximum.</summary>
    public static IReadOnlyDictionary<string, ScoringScale> Scales { get; } = new Dictionary<string, ScoringScale>(StringComparer.Ordinal)
    {
        ["4"] = ScoringScale.ZeroToFour,
        ["5"] = ScoringScale.ZeroToFive,
        ["10"] = ScoringScale.ZeroToTen,
    };

    /// <summary>The form.</summary>
    [BindProperty]
    public ScaleInput Input { get; set; } = new();

    /// <summary>Shows the scale and thresholds as stored.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        Input = new ScaleInput
        {
            Version = Setup.Version,
            Maximum = Definition.Scale.Maximum.ToString(CultureInfo.InvariantCulture),
            Spread = Definition.SpreadFlag?.ToString("0.##", CultureInfo.InvariantCulture),
            MinimumQuality = Definition.Lots.ToDictionary(l => l.Id, l => l.MinimumQualityPercent?.ToString("0.##", CultureInfo.InvariantCulture), StringComparer.Ordinal),
            SectionMinimums = Definition.Lots.SelectMany(l => l.Sections.Select(s => ($"{l.Id}/{s.Id}", s.MinimumPercent?.ToString("0.##", CultureInfo.InvariantCulture))))
                .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal),
            Labels = Definition.Scale.Levels.ToDictionary(l => l.Score.ToString(CultureInfo.InvariantCulture), l => (string?)l.Label, StringComparer.Ordinal),
            Descriptors = Definition.Scale.Levels.ToDictionary(l => l.Score.ToString(CultureInfo.InvariantCulture), l => (string?)l.Descriptor, StringComparer.Ordinal),
            QuestionMinimums = Definition.Lots.SelectMany(l => l.Sections.SelectMany(s => s.Questions).Select(q => ($"{l.Id}/{q.Id}", q.MinimumScore?.ToString("0.##", CultureInfo.InvariantCulture))))
                .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal),
        };
        return Page();
    }

    /// <summary>The stored scale with each level's name and descriptor as typed (a level not sent keeps its own).</summary>
    private ScoringScale Edited(ScoringScale scale) => scale with
    {
        Levels = [.. scale.Levels.Select(l =>
        {
            var key = l.Score.ToString(CultureInfo.InvariantCulture);
            return l with
            {
                Label = Input.Labels.GetValueOrDefault(key)?.Trim() is { Length: > 0 } label ? label : l.Label,
                Descriptor = Input.Descriptors.GetValueOrDefault(key)?.Trim() is { Length: > 0 } descriptor ? descriptor : l.Descriptor,
            };
        })],
    };

    /// <summary>Saves the scale and thresholds.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (!await OpenSetupAsync(cancel))
        {
            return NotFound();
        }

        // A level's words not sent keep the stored ones (and the page can show every level again).
        foreach (var level in Definition.Scale.Levels)
        {
            var key = level.Score.ToString(CultureInfo.InvariantCulture);
            Input.Labels.TryAdd(key, level.Label);
            Input.Descriptors.TryAdd(key, level.Descriptor);
        }

        var complete = Complete(Input.Completed);
        if (await TryChangeAsync(Input, validator, nameof(Input), () => Services.Change.HandleAsync(Me, TenderId, Input.Version, Task, tender =>
            {
                // A scale other than the one stored comes with its own descriptors; the same scale
                // takes the names and descriptors as edited on the page.
                var scale = tender.Scale.Maximum.ToString(CultureInfo.InvariantCulture) == Input.Maximum ? Edited(tender.Scale) : Scales[Input.Maximum!];
                var changed = TenderDrafts.SetScale(tender, scale, ScaleInput.Optional(Input.Spread));
                foreach (var lot in changed.Lots)
                {
                    var sections = lot.Sections.Where(s => Input.SectionMinimums.ContainsKey($"{lot.Id}/{s.Id}"))
                        .ToDictionary(s => s.Id, s => ScaleInput.Optional(Input.SectionMinimums[$"{lot.Id}/{s.Id}"]), StringComparer.Ordinal);
                    var questions = lot.Sections.SelectMany(s => s.Questions).Where(q => Input.QuestionMinimums.ContainsKey($"{lot.Id}/{q.Id}"))
                        .ToDictionary(q => q.Id, q => ScaleInput.Optional(Input.QuestionMinimums[$"{lot.Id}/{q.Id}"]), StringComparer.Ordinal);
                    var minimum = Input.MinimumQuality.TryGetValue(lot.Id, out var typed) ? ScaleInput.Optional(typed) : lot.MinimumQualityPercent;
                    changed = TenderDrafts.SetThresholds(changed, lot.Id, minimum, sections, questions);
                }

                return Outcome<Tender>.Success(changed);
            }, complete, cancel), cancel))
        {
            Done = "Scale and thresholds saved.";
            return complete is null ? RedirectToPage(new { id = TenderId }) : RedirectToPage("/Tenders/Setup/Index", new { id = TenderId });
        }

        return Page();
    }
}
