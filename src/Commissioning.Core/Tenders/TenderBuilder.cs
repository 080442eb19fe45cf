using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;

namespace Commissioning.Core.Tenders;

/// <summary>
/// Drafts a lot's award criteria from a tailored specification: one section for each area of the
/// standards with scored requirements that apply, one question for each such requirement (the
/// question to providers from the standards), and a gate for each requirement that is pass or fail
/// for any member. Weights are shared equally and add up to exactly 100 at every level; the
/// commissioner then adjusts them, adds custom questions (such as social value) and sets thresholds.
/// </summary>
public static class TenderBuilder
{
    /// <summary>Drafts a lot for the members of a collaborative specification.</summary>
    public static Lot DraftLot(StandardsCatalogue standards, CollaborativeSpecification specification, IReadOnlyList<string> memberIds, string lotId, string title)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(specification);
        var applicable = specification.Applicable.ToList();

        var gates = applicable
            .Where(i => i.Evaluation == EvaluationMethod.Gate)
            .Select((item, index) => new Gate
            {
                Id = $"G{index + 1}",
                Title = item.Requirement.Title,
                RequirementId = item.Requirement.Id,
                Description = item.Requirement.ProviderQuestion,
            })
            .ToList();

        var areas = standards.RuleSets
            .Select(ruleSet => (RuleSet: ruleSet, Items: applicable.Where(i => i.Requirement.RuleSetId == ruleSet.Id && i.Evaluation == EvaluationMethod.Scored).ToList()))
            .Where(a => a.Items.Count > 0)
            .ToList();
        var sectionWeights = Share(areas.Count);
        var sections = areas.Select((area, s) =>
        {
            var questionWeights = Share(area.Items.Count);
            return new Section
            {
                Id = $"s{s + 1}",
                Title = area.RuleSet.Title,
                Weight = sectionWeights[s],
                Questions = [.. area.Items.Select((item, q) => new Question
                {
                    Id = $"Q{s + 1}.{q + 1}",
                    Title = item.Requirement.Title,
                    Text = item.Requirement.ProviderQuestion,
                    RequirementId = item.Requirement.Id,
                    Weight = questionWeights[q],
                })],
            };
        }).ToList();

        return new Lot
        {
            Id = lotId,
            Title = title,
            MemberIds = memberIds,
            Gates = gates,
            Sections = sections,
            QualityWeight = 60m,
            PriceWeight = 40m,
            Price = new PriceModel { ContractYears = 3, Method = PriceMethod.Proportional },
            TieBreak = new TieBreak { Rule = TieBreakRule.HighestQuality },
        };
    }

    /// <summary>
    /// 100 shared equally among <paramref name="count"/> items to two decimal places, the last
    /// taking what rounding leaves so the shares add up to exactly 100.
    /// </summary>
    public static IReadOnlyList<decimal> Share(int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var each = Math.Floor(10_000m / count) / 100m;
        var shares = Enumerable.Repeat(each, count).ToArray();
        shares[^1] = 100m - (each * (count - 1));
        return shares;
    }
}
