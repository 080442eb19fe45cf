using System.Text.Json;
using Commissioning.Core.Files;
using Commissioning.Core.Profiles;
using Commissioning.Core.Tenders;
using Commissioning.Data.Entities;

namespace Commissioning.Data;

/// <summary>
/// The explicit mapping between Core's records (<see cref="TenderPack"/> and friends) and the
/// stored rows. Core gets no keys, versions, timestamps or users; the rows keep each list's order
/// so that a stored tender gives back exactly the pack it was made from.
/// </summary>
public static class TenderMapping
{
    /// <summary>The rows for a pack: the tender with its definition and bids, and the scores and decisions.</summary>
    /// <param name="pack">The pack.</param>
    /// <param name="createdAt">When, from the caller's clock.</param>
    public static StoredTender ToRows(TenderPack pack, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var tender = pack.Tender;
        var row = new TenderRow
        {
            Title = tender.Title,
            Reference = tender.Reference,
            ClarificationDeadline = tender.ClarificationDeadline,
            BidDeadline = tender.BidDeadline,
            Regime = tender.Regime.Regime,
            Procedure = tender.Regime.Procedure,
            RegimeRationale = tender.Regime.Rationale,
            ScaleJson = Json(tender.Scale),
            SpreadFlag = tender.SpreadFlag,
            CreatedAt = createdAt,
        };
        var definition = DefinitionRows(row.Id, tender);
        row.Members.AddRange(definition.Members);
        row.Lots.AddRange(definition.Lots);
        row.Evaluators.AddRange(definition.Evaluators);
        row.Assignments.AddRange(definition.Assignments);
        row.Bids.AddRange(pack.Bids.Select((b, i) => ToRow(row.Id, b, i)));

        return new StoredTender(
            row,
            [.. pack.Scores.Select((s, i) => ToRow(row.Id, s, i))],
            [.. pack.Moderation.Select((m, i) => new ModeratedScoreRow
            {
                TenderId = row.Id,
                Position = i,
                BidKey = m.BidId,
                QuestionKey = m.QuestionId,
                Score = m.Score,
                Reason = m.Reason,
                ModeratorKey = m.ModeratorId,
            })],
            [.. pack.GateDecisions.Select((g, i) => new GateDecisionRow
            {
                TenderId = row.Id,
                Position = i,
                BidKey = g.BidId,
                GateKey = g.GateId,
                Passed = g.Passed,
                Reason = g.Reason,
                DecidedBy = g.DecidedBy,
            })],
            [.. pack.LowPriceDecisions.Select((d, i) => new LowPriceDecisionRow
            {
                TenderId = row.Id,
                Position = i,
                BidKey = d.BidId,
                Outcome = d.Outcome,
                Reason = d.Reason,
                DecidedBy = d.DecidedBy,
            })],
            [.. pack.ConflictDeclarations.Select(d => new ConflictDeclarationRow
            {
                TenderId = row.Id,
                EvaluatorKey = d.EvaluatorId,
                UserId = ConflictDeclarationRow.FromFile,
                UserName = d.DeclaredBy,
                BiddersJson = JsonSerializer.Serialize(d.Bidders),
                HasConflict = d.HasConflict,
                Details = d.Details,
                DeclaredAt = d.DeclaredAt,
                MayContinue = d.Decision?.MayContinue,
                DecisionReason = d.Decision?.Reason,
                DecidedBy = d.Decision?.DecidedBy,
                DecidedAt = d.Decision?.DecidedAt,
            })]);
    }

    /// <summary>The row for one evaluator's score.</summary>
    public static EvaluatorScoreRow ToRow(Guid tenderId, EvaluatorScore score, int position)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new()
        {
            TenderId = tenderId,
            Position = position,
            EvaluatorKey = score.EvaluatorId,
            BidKey = score.BidId,
            QuestionKey = score.QuestionId,
            Score = score.Score,
            Rationale = score.Rationale,
        };
    }

    /// <summary>The rows of a tender's definition (members, lots with their sections, questions and gates, evaluators, assignments), for a tender whose row exists.</summary>
    public static DefinitionRowSet DefinitionRows(Guid tenderId, Tender tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return new DefinitionRowSet(
            [.. tender.Members.Select((m, i) => new TenderMemberRow { TenderId = tenderId, Position = i, Key = m.Id, ProfileJson = Json(m.Profile) })],
            [.. tender.Lots.Select((l, i) => ToRow(tenderId, l, i))],
            [.. tender.Evaluators.Select((e, i) => new EvaluatorRow { TenderId = tenderId, Position = i, Key = e.Id, Name = e.Name })],
            [.. tender.Assignments.Select((a, i) => new AssignmentRow
            {
                TenderId = tenderId,
                Position = i,
                EvaluatorKey = a.EvaluatorId,
                LotKey = a.LotId,
                QuestionKeysJson = Json(a.QuestionIds),
            })]);
    }

    /// <summary>Copies a definition's own fields (title, reference, regime, scale, spread flag) onto the tender's row.</summary>
    public static void CopyDetails(Tender tender, TenderRow row)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(row);
        row.Title = tender.Title;
        row.Reference = tender.Reference;
        row.ClarificationDeadline = tender.ClarificationDeadline;
        row.BidDeadline = tender.BidDeadline;
        row.Regime = tender.Regime.Regime;
        row.Procedure = tender.Regime.Procedure;
        row.RegimeRationale = tender.Regime.Rationale;
        row.ScaleJson = Json(tender.Scale);
        row.SpreadFlag = tender.SpreadFlag;
    }

    private static LotRow ToRow(Guid tenderId, Lot lot, int position)
    {
        var row = new LotRow
        {
            TenderId = tenderId,
            Position = position,
            Key = lot.Id,
            Title = lot.Title,
            MemberKeysJson = Json(lot.MemberIds),
            SectionWeights = lot.SectionWeights,
            Weights = lot.Weights,
            QualityWeight = lot.QualityWeight,
            PriceWeight = lot.PriceWeight,
            QualityMethod = lot.QualityMethod,
            ContractYears = lot.Price.ContractYears,
            ExtensionYears = lot.Price.ExtensionYears,
            EvaluateExtensions = lot.Price.EvaluateExtensions,
            PriceMethod = lot.Price.Method,
            PriceCeiling = lot.Price.Ceiling,
            MinimumQualityPercent = lot.MinimumQualityPercent,
            AbnormallyLowPercent = lot.AbnormallyLowPercent,
            TieBreakRule = lot.TieBreak.Rule,
            TieBreakSectionKey = lot.TieBreak.SectionId,
        };
        row.Gates.AddRange(lot.Gates.Select((g, i) => new GateRow
        {
            LotId = row.Id,
            Position = i,
            Key = g.Id,
            Title = g.Title,
            RequirementId = g.RequirementId,
            Description = g.Description,
        }));
        row.Sections.AddRange(lot.Sections.Select((s, i) =>
        {
            var section = new SectionRow
            {
                LotId = row.Id,
                Position = i,
                Key = s.Id,
                Title = s.Title,
                Weight = s.Weight,
                SocialValue = s.SocialValue,
                MinimumPercent = s.MinimumPercent,
                QuestionWeights = s.QuestionWeights,
            };
            section.Questions.AddRange(s.Questions.Select((q, j) => new QuestionRow
            {
                SectionId = section.Id,
                Position = j,
                Key = q.Id,
                Title = q.Title,
                Text = q.Text,
                RequirementId = q.RequirementId,
                Weight = q.Weight,
                MinimumScore = q.MinimumScore,
            }));
            return section;
        }));
        return row;
    }

    /// <summary>The rows for one bid: the bid, its prices and its answers.</summary>
    public static BidRow BidRow(Guid tenderId, Bid bid, int position) => ToRow(tenderId, bid, position);

    private static BidRow ToRow(Guid tenderId, Bid bid, int position)
    {
        var row = new BidRow
        {
            TenderId = tenderId,
            Position = position,
            Key = bid.Id,
            LotKey = bid.LotId,
            Provider = bid.Provider,
            DeclarationsJson = Json(bid.Declarations),
        };
        row.Prices.AddRange(bid.Price.AnnualPrices.Select((p, i) => new BidPriceRow { BidId = row.Id, Kind = PriceYearKind.Contract, Position = i, Amount = p }));
        row.Prices.AddRange(bid.Price.ExtensionPrices.Select((p, i) => new BidPriceRow { BidId = row.Id, Kind = PriceYearKind.Extension, Position = i, Amount = p }));
        row.Answers.AddRange(bid.Answers.Select((a, i) => new AnswerRow { BidId = row.Id, Position = i, QuestionKey = a.QuestionId, Text = a.Text }));
        return row;
    }

    /// <summary>The tender definition from its rows (with members, lots, sections, questions, gates, evaluators and assignments loaded).</summary>
    public static Tender ToTender(TenderRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Tender
        {
            Title = row.Title,
            Reference = row.Reference,
            ClarificationDeadline = row.ClarificationDeadline,
            BidDeadline = row.BidDeadline,
            Members = [.. row.Members.OrderBy(m => m.Position).Select(m => new TenderMember { Id = m.Key, Profile = Parse<OrganisationProfile>(m.ProfileJson) })],
            Regime = new RegimeChoice { Regime = row.Regime, Procedure = row.Procedure, Rationale = row.RegimeRationale },
            Scale = Parse<ScoringScale>(row.ScaleJson),
            SpreadFlag = row.SpreadFlag,
            Lots = [.. row.Lots.OrderBy(l => l.Position).Select(ToLot)],
            Evaluators = [.. row.Evaluators.OrderBy(e => e.Position).Select(e => new Evaluator { Id = e.Key, Name = e.Name })],
            Assignments = [.. row.Assignments.OrderBy(a => a.Position).Select(a => new Assignment
            {
                EvaluatorId = a.EvaluatorKey,
                LotId = a.LotKey,
                QuestionIds = Parse<List<string>>(a.QuestionKeysJson),
            })],
        };
    }

    private static Lot ToLot(LotRow row) => new()
    {
        Id = row.Key,
        Title = row.Title,
        MemberIds = Parse<List<string>>(row.MemberKeysJson),
        Gates = [.. row.Gates.OrderBy(g => g.Position).Select(g => new Gate { Id = g.Key, Title = g.Title, RequirementId = g.RequirementId, Description = g.Description })],
        SectionWeights = row.SectionWeights,
        Sections = [.. row.Sections.OrderBy(s => s.Position).Select(s => new Section
        {
            Id = s.Key,
            Title = s.Title,
            Weight = s.Weight,
            SocialValue = s.SocialValue,
            MinimumPercent = s.MinimumPercent,
            QuestionWeights = s.QuestionWeights,
            Questions = [.. s.Questions.OrderBy(q => q.Position).Select(q => new Question
            {
                Id = q.Key,
                Title = q.Title,
                Text = q.Text,
                RequirementId = q.RequirementId,
                Weight = q.Weight,
                MinimumScore = q.MinimumScore,
            })],
        })],
        Weights = row.Weights,
        QualityWeight = row.QualityWeight,
        PriceWeight = row.PriceWeight,
        QualityMethod = row.QualityMethod,
        Price = new PriceModel
        {
            ContractYears = row.ContractYears,
            ExtensionYears = row.ExtensionYears,
            EvaluateExtensions = row.EvaluateExtensions,
            Method = row.PriceMethod,
            Ceiling = row.PriceCeiling,
        },
        MinimumQualityPercent = row.MinimumQualityPercent,
        AbnormallyLowPercent = row.AbnormallyLowPercent,
        TieBreak = new TieBreak { Rule = row.TieBreakRule, SectionId = row.TieBreakSectionKey },
    };

    /// <summary>A bid from its row (with prices and answers loaded).</summary>
    public static Bid ToBid(BidRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Bid
        {
            Id = row.Key,
            LotId = row.LotKey,
            Provider = row.Provider,
            Declarations = Parse<Declarations>(row.DeclarationsJson),
            Price = ToPriceSchedule(row),
            Answers = [.. row.Answers.OrderBy(a => a.Position).Select(a => new Answer { QuestionId = a.QuestionKey, Text = a.Text })],
        };
    }

    /// <summary>A bid's prices from its row (with prices loaded).</summary>
    public static PriceSchedule ToPriceSchedule(BidRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PriceSchedule
        {
            AnnualPrices = [.. row.Prices.Where(p => p.Kind == PriceYearKind.Contract).OrderBy(p => p.Position).Select(p => p.Amount)],
            ExtensionPrices = [.. row.Prices.Where(p => p.Kind == PriceYearKind.Extension).OrderBy(p => p.Position).Select(p => p.Amount)],
        };
    }

    /// <summary>An evaluator's score from its row.</summary>
    public static EvaluatorScore ToScore(EvaluatorScoreRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new() { EvaluatorId = row.EvaluatorKey, BidId = row.BidKey, QuestionId = row.QuestionKey, Score = row.Score, Rationale = row.Rationale };
    }

    /// <summary>A moderated score from its row.</summary>
    public static ModeratedScore ToModeratedScore(ModeratedScoreRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new() { BidId = row.BidKey, QuestionId = row.QuestionKey, Score = row.Score, Reason = row.Reason, ModeratorId = row.ModeratorKey };
    }

    /// <summary>A gate decision from its row.</summary>
    public static GateDecision ToGateDecision(GateDecisionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new() { BidId = row.BidKey, GateId = row.GateKey, Passed = row.Passed, Reason = row.Reason, DecidedBy = row.DecidedBy };
    }

    /// <summary>A low price decision from its row.</summary>
    public static LowPriceDecision ToLowPriceDecision(LowPriceDecisionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new() { BidId = row.BidKey, Outcome = row.Outcome, Reason = row.Reason, DecidedBy = row.DecidedBy };
    }

    /// <summary>A declaration of conflicts of interest from its row.</summary>
    public static ConflictOfInterestDeclaration ToConflictDeclaration(ConflictDeclarationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new()
        {
            EvaluatorId = row.EvaluatorKey,
            DeclaredBy = row.UserName,
            DeclaredAt = row.DeclaredAt,
            Bidders = JsonSerializer.Deserialize<List<string>>(row.BiddersJson) ?? [],
            HasConflict = row.HasConflict,
            Details = row.Details,
            Decision = row.MayContinue is { } mayContinue
                ? new ConflictDecision { MayContinue = mayContinue, Reason = row.DecisionReason ?? string.Empty, DecidedBy = row.DecidedBy ?? string.Empty, DecidedAt = row.DecidedAt ?? row.DeclaredAt }
                : null,
        };
    }

    /// <summary>The files' serializer settings without indentation, for values kept in columns and audit entries.</summary>
    public static System.Text.Json.JsonSerializerOptions JsonOptions => FileJson.Compact;

    /// <summary>A value in the files' JSON shape, compact, for a column or an audit entry.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, FileJson.Compact);

    /// <summary>A stored member's organisation profile.</summary>
    public static OrganisationProfile ToProfile(TenderMemberRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Parse<OrganisationProfile>(row.ProfileJson);
    }

    internal static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, FileJson.Compact) ?? throw new JsonException($"A stored {typeof(T).Name} is empty.");
}

/// <summary>A tender's rows ready to save: the tender with its definition and bids, and its scores and decisions.</summary>
/// <param name="Tender">The tender row with its children.</param>
/// <param name="Scores">The evaluators' scores.</param>
/// <param name="Moderation">The moderated scores.</param>
/// <param name="GateDecisions">The gate decisions.</param>
/// <param name="LowPriceDecisions">The low price decisions.</param>
/// <param name="ConflictDeclarations">The declarations of conflicts of interest, as the file recorded them.</param>
public sealed record StoredTender(
    TenderRow Tender,
    IReadOnlyList<EvaluatorScoreRow> Scores,
    IReadOnlyList<ModeratedScoreRow> Moderation,
    IReadOnlyList<GateDecisionRow> GateDecisions,
    IReadOnlyList<LowPriceDecisionRow> LowPriceDecisions,
    IReadOnlyList<ConflictDeclarationRow> ConflictDeclarations);

/// <summary>The rows of a tender's definition.</summary>
/// <param name="Members">The member organisations.</param>
/// <param name="Lots">The lots, each with its sections, questions and gates.</param>
/// <param name="Evaluators">The evaluator places.</param>
/// <param name="Assignments">Who scores what.</param>
public sealed record DefinitionRowSet(
    IReadOnlyList<TenderMemberRow> Members,
    IReadOnlyList<LotRow> Lots,
    IReadOnlyList<EvaluatorRow> Evaluators,
    IReadOnlyList<AssignmentRow> Assignments);
