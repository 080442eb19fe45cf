using System.Globalization;
using System.Text;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;
using Commissioning.Core.Tailoring;

namespace Commissioning.Core.Tenders.Setup;

/// <summary>A lot as the owner plans it on the lots task: its title and the members it serves.</summary>
/// <param name="Id">The lot's id when it exists already; null for a new lot.</param>
/// <param name="Title">Its title.</param>
/// <param name="MemberIds">The members it serves.</param>
public sealed record LotPlan(string? Id, string Title, IReadOnlyList<string> MemberIds);

/// <summary>A gate as the owner plans it: an existing gate (its id) or a new custom one (no id).</summary>
/// <param name="Id">The gate's id, or null for a new gate.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What a bid must show to pass, as bidders read it.</param>
public sealed record GatePlan(string? Id, string Title, string Description);

/// <summary>A question as the owner plans it on the questions page: an existing one (its id) or a new custom one (no id).</summary>
/// <param name="Id">The question's id, or null for a new question.</param>
/// <param name="Title">Its short title.</param>
/// <param name="Text">The question as bidders read it.</param>
public sealed record QuestionPlan(string? Id, string Title, string Text);

/// <summary>A section as the owner plans it: an existing one (its id) or a new one (no id), with its questions in order.</summary>
/// <param name="Id">The section's id, or null for a new section.</param>
/// <param name="Title">Its title.</param>
/// <param name="SocialValue">True for the social value and net zero section.</param>
/// <param name="Questions">Its questions in order; those left out are removed.</param>
public sealed record SectionPlan(string? Id, string Title, bool SocialValue, IReadOnlyList<QuestionPlan> Questions);

/// <summary>How a lot's price is modelled and scored, and how ties are broken.</summary>
/// <param name="ContractYears">Initial contract years.</param>
/// <param name="ExtensionYears">Optional extension years.</param>
/// <param name="EvaluateExtensions">Whether the extension years' prices count.</param>
/// <param name="Method">How price is scored.</param>
/// <param name="Ceiling">For the linear method: the price that scores zero.</param>
/// <param name="AbnormallyLowPercent">A price below this share of the median is flagged; 0 turns the check off.</param>
/// <param name="QualityMethod">Absolute or relative quality.</param>
/// <param name="TieBreak">The declared tie-break.</param>
public sealed record PricePlan(int ContractYears, int ExtensionYears, bool EvaluateExtensions, PriceMethod Method, decimal? Ceiling, decimal AbnormallyLowPercent, QualityMethod QualityMethod, TieBreak TieBreak);

/// <summary>
/// The changes the set-up tasks make to a tender being written in the site. Pure: each takes a
/// tender and gives a new one; the ids inside the tender (members, lots, sections, questions) are
/// made here, so the person setting it up never types one.
/// </summary>
public static class TenderDrafts
{
    /// <summary>A new tender with its details and nothing else yet, scored on the toolkit's 0 to 4 scale until changed.</summary>
    public static Tender New(string title, string? reference, RegimeChoice regime)
    {
        ArgumentNullException.ThrowIfNull(regime);
        return new Tender
        {
            Title = title,
            Reference = reference,
            Regime = regime,
            Members = [],
            Scale = ScoringScale.ZeroToFour,
            Lots = [],
            Evaluators = [],
            Assignments = [],
        };
    }

    /// <summary>The tender with new details.</summary>
    public static Tender WithDetails(Tender tender, string title, string? reference, RegimeChoice regime)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return tender with { Title = title, Reference = reference, Regime = regime };
    }

    /// <summary>The tender with one more member organisation, given an id made from its name.</summary>
    public static Tender AddMember(Tender tender, OrganisationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(profile);
        var id = UniqueId(Slug(profile.Name, "member"), tender.Members.Select(m => m.Id));
        return tender with { Members = [.. tender.Members, new TenderMember { Id = id, Profile = profile }] };
    }

    /// <summary>The tender with a member's profile replaced; its lots keep it.</summary>
    public static Tender ReplaceMember(Tender tender, string memberId, OrganisationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return tender with { Members = [.. tender.Members.Select(m => m.Id == memberId ? m with { Profile = profile } : m)] };
    }

    /// <summary>The tender without a member; every lot stops serving it.</summary>
    public static Tender RemoveMember(Tender tender, string memberId)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return tender with
        {
            Members = [.. tender.Members.Where(m => m.Id != memberId)],
            Lots = [.. tender.Lots.Select(l => l.MemberIds.Contains(memberId) ? l with { MemberIds = [.. l.MemberIds.Where(id => id != memberId)] } : l)],
        };
    }

    /// <summary>
    /// The tender with the lots planned. A lot that keeps its members keeps its award criteria,
    /// gates and price model (its title may change); a new lot, or one whose members changed, has
    /// them drafted again from the members' collaborative specification (see
    /// <see cref="TenderBuilder.DraftLot"/>). Assignments to lots that are gone go with them.
    /// </summary>
    public static Tender SetLots(Tender tender, StandardsCatalogue standards, IReadOnlyList<LotPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(plans);
        var used = new List<string>(plans.Where(p => p.Id is not null).Select(p => p.Id!));
        var lots = new List<Lot>();
        foreach (var plan in plans)
        {
            var members = tender.Members.Where(m => plan.MemberIds.Contains(m.Id)).Select(m => m.Id).ToList();
            var existing = plan.Id is null ? null : tender.FindLot(plan.Id);
            if (existing is not null && existing.MemberIds.Order(StringComparer.Ordinal).SequenceEqual(members.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                lots.Add(existing with { Title = plan.Title });
                continue;
            }

            var id = existing?.Id ?? NextNumbered("lot-", used);
            used.Add(id);
            lots.Add(DraftLot(tender, standards, id, plan.Title, members));
        }

        var kept = lots.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        return tender with { Lots = lots, Assignments = [.. tender.Assignments.Where(a => kept.Contains(a.LotId))] };
    }

    /// <summary>A lot's award criteria drafted again from its members' specification, replacing what it had.</summary>
    public static Tender RedraftCriteria(Tender tender, StandardsCatalogue standards, string lotId)
    {
        ArgumentNullException.ThrowIfNull(tender);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"There is no lot '{lotId}'.", nameof(lotId));
        var drafted = DraftLot(tender, standards, lot.Id, lot.Title, lot.MemberIds);
        return ReplaceLot(tender, lot with { Sections = drafted.Sections, SectionWeights = WeightUnit.Percent });
    }

    /// <summary>
    /// A lot's weights: quality against price, each section within quality and each question
    /// within its section, all as percentages. Sections and questions not named keep their weight.
    /// </summary>
    public static Tender SetWeights(Tender tender, string lotId, decimal qualityWeight, decimal priceWeight,
        IReadOnlyDictionary<string, decimal> sectionWeights, IReadOnlyDictionary<string, decimal> questionWeights, WeightUnit unit = WeightUnit.Percent)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(sectionWeights);
        ArgumentNullException.ThrowIfNull(questionWeights);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"There is no lot '{lotId}'.", nameof(lotId));
        var sections = lot.Sections.Select(s => s with
        {
            Weight = sectionWeights.GetValueOrDefault(s.Id, s.Weight),
            QuestionWeights = unit,
            Questions = [.. s.Questions.Select(q => q with { Weight = questionWeights.GetValueOrDefault(q.Id, q.Weight) })],
        }).ToList();
        return ReplaceLot(tender, lot with
        {
            Weights = unit,
            QualityWeight = qualityWeight,
            PriceWeight = priceWeight,
            SectionWeights = unit,
            Sections = sections,
        });
    }

    /// <summary>
    /// A lot's sections and questions as planned, in order: an existing section or question keeps
    /// its weight, its minimum and the requirement it tests (a question may move to another
    /// section); a new one is custom, with the next free id and a weight of 0, which the criteria
    /// task then lists until the owner gives it one (the only question of a new section carries the
    /// whole section). Sections and questions left out are removed.
    /// </summary>
    public static Tender SetQuestions(Tender tender, string lotId, IReadOnlyList<SectionPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(plans);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"There is no lot '{lotId}'.", nameof(lotId));
        var oldSections = lot.Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var oldQuestions = lot.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var sectionIds = plans.Where(p => p.Id is not null).Select(p => p.Id!).Concat(oldSections.Keys).ToList();
        var questionIds = plans.SelectMany(p => p.Questions).Where(q => q.Id is not null).Select(q => q.Id!).Concat(oldQuestions.Keys).ToList();
        var sections = new List<Section>();
        foreach (var plan in plans)
        {
            var existing = plan.Id is null ? null : oldSections.GetValueOrDefault(plan.Id);
            var id = existing?.Id ?? NextNumbered("s", sectionIds);
            if (existing is null)
            {
                sectionIds.Add(id);
            }

            var questions = new List<Question>();
            foreach (var question in plan.Questions)
            {
                if (question.Id is not null && oldQuestions.TryGetValue(question.Id, out var kept))
                {
                    questions.Add(kept with { Title = question.Title, Text = question.Text });
                    continue;
                }

                var questionId = NextNumbered(QuestionPrefix(id), questionIds);
                questionIds.Add(questionId);
                // The only question of a new section carries the whole section; any other new one starts at 0.
                var whole = existing is null && plan.Questions.Count == 1 ? (lot.SectionWeights == WeightUnit.Points ? 1m : 100m) : 0m;
                questions.Add(new Question { Id = questionId, Title = question.Title, Text = question.Text, Weight = whole });
            }

            sections.Add(existing is null
                ? new Section { Id = id, Title = plan.Title, SocialValue = plan.SocialValue, Weight = 0m, QuestionWeights = lot.SectionWeights, Questions = questions }
                : existing with { Title = plan.Title, SocialValue = plan.SocialValue, Questions = questions });
        }

        // A tie-break, threshold or evaluator scope that named a removed section is left as it was:
        // the tender's check lists it against its own task rather than this page changing a declared rule.
        return ReplaceLot(tender, lot with { Sections = sections });
    }

    /// <summary>
    /// One question worded: an existing question (by id) gets the new title and text; with no id, a
    /// new custom question is added at the end of the section named. Null when the lot, the
    /// section or the question is not there (it changed since the page was shown).
    /// </summary>
    public static Tender? WordQuestion(Tender tender, string lotId, string? sectionId, string? questionId, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(tender);
        var lot = tender.FindLot(lotId);
        if (lot is null || (questionId is null ? lot.Sections.All(s => s.Id != sectionId) : lot.Sections.SelectMany(s => s.Questions).All(q => q.Id != questionId)))
        {
            return null;
        }

        var plans = lot.Sections.Select(s => new SectionPlan(s.Id, s.Title, s.SocialValue,
        [
            .. s.Questions.Select(q => q.Id == questionId ? new QuestionPlan(q.Id, title, text) : new QuestionPlan(q.Id, q.Title, q.Text)),
            .. questionId is null && s.Id == sectionId ? new[] { new QuestionPlan(null, title, text) } : [],
        ])).ToList();
        return SetQuestions(tender, lotId, plans);
    }

    /// <summary>
    /// Whether a plan of sections and questions was made from the lot as it stands: every section
    /// and question it names by id is in the lot, and none is named twice. False means the lot
    /// changed since the plan was shown (or the form was altered), and the plan should be refused.
    /// </summary>
    public static bool PlanFits(Lot lot, IReadOnlyList<SectionPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(plans);
        var sections = plans.Where(p => p.Id is not null).Select(p => p.Id!).ToList();
        var questions = plans.SelectMany(p => p.Questions).Where(q => q.Id is not null).Select(q => q.Id!).ToList();
        var lotQuestions = lot.Sections.SelectMany(s => s.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return sections.Distinct(StringComparer.Ordinal).Count() == sections.Count && sections.All(id => lot.Sections.Any(s => s.Id == id))
            && questions.Distinct(StringComparer.Ordinal).Count() == questions.Count && questions.All(lotQuestions.Contains);
    }

    /// <summary>The start of the ids of a section's questions: <c>Q3.</c> for <c>s3</c>, the section's own id and a dot for any other.</summary>
    private static string QuestionPrefix(string sectionId) =>
        sectionId.Length > 1 && sectionId[0] == 's' && sectionId.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 ? $"Q{sectionId[1..]}." : $"{sectionId}.";

    /// <summary>
    /// A lot's gates as planned, in order: a planned gate with an id keeps the requirement it tests
    /// (so the bid's declarations still decide it); a new one is custom, with the next free id.
    /// Gates left out are removed.
    /// </summary>
    public static Tender SetGates(Tender tender, string lotId, IReadOnlyList<GatePlan> plans)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(plans);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"There is no lot '{lotId}'.", nameof(lotId));
        var used = plans.Where(p => p.Id is not null).Select(p => p.Id!).Concat(lot.Gates.Select(g => g.Id)).ToList();
        var gates = new List<Gate>();
        foreach (var plan in plans)
        {
            var existing = plan.Id is null ? null : lot.Gates.FirstOrDefault(g => g.Id == plan.Id);
            if (existing is not null)
            {
                gates.Add(existing with { Title = plan.Title, Description = plan.Description });
                continue;
            }

            var id = NextNumbered("G", used);
            used.Add(id);
            gates.Add(new Gate { Id = id, Title = plan.Title, Description = plan.Description });
        }

        return ReplaceLot(tender, lot with { Gates = gates });
    }

    /// <summary>A lot's price model, price method, abnormally low price rule, quality method and tie-break.</summary>
    public static Tender SetPrice(Tender tender, string lotId, PricePlan plan)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(plan);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"There is no lot '{lotId}'.", nameof(lotId));
        return ReplaceLot(tender, lot with
        {
            Price = new PriceModel
            {
                ContractYears = plan.ContractYears,
                ExtensionYears = plan.ExtensionYears,
                EvaluateExtensions = plan.ExtensionYears > 0 && plan.EvaluateExtensions,
                Method = plan.Method,
                Ceiling = plan.Method == PriceMethod.Linear ? plan.Ceiling : null,
            },
            AbnormallyLowPercent = plan.AbnormallyLowPercent,
            QualityMethod = plan.QualityMethod,
            TieBreak = plan.TieBreak.Rule == TieBreakRule.HighestSection ? plan.TieBreak : plan.TieBreak with { SectionId = null },
        });
    }

    /// <summary>The tender's key dates.</summary>
    public static Tender SetDates(Tender tender, DateOnly? clarificationDeadline, DateOnly? bidDeadline)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return tender with { ClarificationDeadline = clarificationDeadline, BidDeadline = bidDeadline };
    }

    /// <summary>The scoring scale and the spread that calls for moderation (null for half the scale).</summary>
    public static Tender SetScale(Tender tender, ScoringScale scale, decimal? spreadFlag)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(scale);
        return tender with { Scale = scale, SpreadFlag = spreadFlag };
    }

    /// <summary>A lot's thresholds: the minimum quality, each section's minimum percentage and each question's minimum score (null for none). Sections and questions not named keep theirs.</summary>
    public static Tender SetThresholds(Tender tender, string lotId, decimal? minimumQualityPercent, IReadOnlyDictionary<string, decimal?> sectionMinimums, IReadOnlyDictionary<string, decimal?>? questionMinimums = null)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(sectionMinimums);
        var lot = tender.FindLot(lotId) ?? throw new ArgumentException($"There is no lot '{lotId}'.", nameof(lotId));
        Question QuestionThreshold(Question question) =>
            questionMinimums is not null && questionMinimums.TryGetValue(question.Id, out var score) ? question with { MinimumScore = score } : question;
        Section SectionThresholds(Section section) => section with
        {
            MinimumPercent = sectionMinimums.TryGetValue(section.Id, out var minimum) ? minimum : section.MinimumPercent,
            Questions = [.. section.Questions.Select(QuestionThreshold)],
        };
        return ReplaceLot(tender, lot with
        {
            MinimumQualityPercent = minimumQualityPercent,
            Sections = [.. lot.Sections.Select(SectionThresholds)],
        });
    }

    /// <summary>The tender with one lot replaced by a changed copy of itself (matched by id).</summary>
    public static Tender ReplaceLot(Tender tender, Lot lot)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(lot);
        return tender with { Lots = [.. tender.Lots.Select(l => l.Id == lot.Id ? lot : l)] };
    }

    /// <summary>A short id made from a name: lower-case letters and digits joined by hyphens, at most 40 characters.</summary>
    public static string Slug(string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '-' && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                text.Append('-');
            }

            if (text.Length >= 40)
            {
                break;
            }
        }

        var slug = text.ToString().Trim('-');
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary><paramref name="wanted"/>, or with -2, -3… added (or the number at its end raised) until no id in <paramref name="taken"/> equals it.</summary>
    public static string UniqueId(string wanted, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!set.Contains(wanted))
        {
            return wanted;
        }

        var dash = wanted.LastIndexOf('-');
        var stem = dash > 0 && int.TryParse(wanted.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? wanted[..dash] : wanted;
        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!set.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The next id in a numbered series, such as <c>G6</c> after <c>G1</c> to <c>G5</c>: one more than the highest number taken, so an id once used is not given again.</summary>
    public static string NextNumbered(string prefix, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(taken);
        var highest = taken.Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(id => int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{highest + 1}");
    }

    private static Lot DraftLot(Tender tender, StandardsCatalogue standards, string id, string title, IReadOnlyList<string> memberIds)
    {
        var profiles = tender.Members.Where(m => memberIds.Contains(m.Id)).Select(m => m.Profile).ToList();
        if (profiles.Count == 0)
        {
            // Nothing to tailor to yet: the lot shows as serving no members until some are chosen.
            return new Lot
            {
                Id = id,
                Title = title,
                MemberIds = [],
                Gates = [],
                Sections = [],
                QualityWeight = 60m,
                PriceWeight = 40m,
                Price = new PriceModel { ContractYears = 3, Method = PriceMethod.Proportional },
                TieBreak = new TieBreak { Rule = TieBreakRule.HighestQuality },
            };
        }

        return TenderBuilder.DraftLot(standards, Tailor.ForGroup(standards, profiles), memberIds, id, title);
    }
}
