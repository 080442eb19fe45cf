using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>Reads a whole stored tender back as Core's <see cref="TenderPack"/>.</summary>
internal static class TenderLoader
{
    /// <summary>
    /// The pack exactly as it was imported and since changed, in the original order; null when
    /// there is no such tender. Callers have already checked the person may see all of it.
    /// </summary>
    /// <param name="contexts">Makes the context.</param>
    /// <param name="tenderId">The tender.</param>
    /// <param name="cancel">Cancels the load.</param>
    /// <param name="submittedScoresOnly">True to leave out evaluators' drafts: what an evaluation counts is what evaluators have submitted.</param>
    public static async Task<TenderPack?> LoadPackAsync(ICommissioningContextFactory contexts, Guid tenderId, CancellationToken cancel, bool submittedScoresOnly = false)
    {
        await using var db = contexts.Create();
        await db.Database.OpenConnectionAsync(cancel).ConfigureAwait(false);
        var tender = await db.Tenders.AsNoTracking().AsSplitQuery()
            .Include(t => t.Members)
            .Include(t => t.Lots).ThenInclude(l => l.Sections).ThenInclude(s => s.Questions)
            .Include(t => t.Lots).ThenInclude(l => l.Gates)
            .Include(t => t.Evaluators)
            .Include(t => t.Assignments)
            .SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (tender is null)
        {
            return null;
        }

        // The bids, the 80,000 scores and the consensus scores by plain data readers straight into
        // Core's records: no tracking, no EF Core materialiser, no intermediate rows.
        var bids = await BulkRead.BidsAsync(db, tenderId, cancel).ConfigureAwait(false);
        var scores = await BulkRead.ScoresAsync(db, tenderId, cancel).ConfigureAwait(false);
        if (submittedScoresOnly)
        {
            var drafts = (await db.EvaluatorScores.AsNoTracking().Where(s => s.TenderId == tenderId && !s.Submitted)
                .Select(s => new { s.EvaluatorKey, s.BidKey, s.QuestionKey }).ToListAsync(cancel).ConfigureAwait(false))
                .Select(d => (d.EvaluatorKey, d.BidKey, d.QuestionKey)).ToHashSet();
            if (drafts.Count > 0)
            {
                scores = [.. scores.Where(s => !drafts.Contains((s.EvaluatorId, s.BidId, s.QuestionId)))];
            }
        }

        var moderation = await BulkRead.ModerationAsync(db, tenderId, cancel).ConfigureAwait(false);
        var gates = await db.GateDecisions.AsNoTracking().Where(s => s.TenderId == tenderId).OrderBy(s => s.Position)
            .ToListAsync(cancel).ConfigureAwait(false);
        var prices = await db.LowPriceDecisions.AsNoTracking().Where(s => s.TenderId == tenderId).OrderBy(s => s.Position)
            .ToListAsync(cancel).ConfigureAwait(false);
        var declarations = (await db.ConflictDeclarations.AsNoTracking().Where(c => c.TenderId == tenderId)
            .ToListAsync(cancel).ConfigureAwait(false)).OrderBy(c => c.EvaluatorKey, StringComparer.Ordinal);

        return new TenderPack
        {
            Tender = TenderMapping.ToTender(tender),
            Bids = bids,
            Scores = scores,
            Moderation = moderation,
            GateDecisions = [.. gates.Select(TenderMapping.ToGateDecision)],
            LowPriceDecisions = [.. prices.Select(TenderMapping.ToLowPriceDecision)],
            ConflictDeclarations = [.. declarations.Select(TenderMapping.ToConflictDeclaration)],
        };
    }

    /// <summary>The tender's definition alone (lots, criteria, evaluators, assignments): no bids or scores.</summary>
    public static async Task<Tender> DefinitionAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        var tender = await db.Tenders.AsNoTracking().AsSplitQuery()
            .Include(t => t.Members)
            .Include(t => t.Lots).ThenInclude(l => l.Sections).ThenInclude(s => s.Questions)
            .Include(t => t.Lots).ThenInclude(l => l.Gates)
            .Include(t => t.Evaluators)
            .Include(t => t.Assignments)
            .SingleAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        return TenderMapping.ToTender(tender);
    }

    /// <summary>
    /// The names the panel knows each other by: for each evaluator id in the tender, the name of
    /// the account that holds it (where accounts in two roles hold one id, the role later in
    /// the roles' order names it), or else the tender's own name for it.
    /// </summary>
    public static async Task<Dictionary<string, string>> EvaluatorNamesAsync(CommissioningDbContext db, Guid tenderId, Tender tender, CancellationToken cancel)
    {
        var holders = await (from m in db.TenderMemberships.AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where m.TenderId == tenderId && m.EvaluatorKey != null
                             select new { m.EvaluatorKey, u.DisplayName, m.Role }).ToListAsync(cancel).ConfigureAwait(false);
        var names = tender.Evaluators.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        foreach (var holder in holders.OrderBy(h => h.Role))
        {
            names[holder.EvaluatorKey!] = holder.DisplayName;
        }

        return names;
    }

    /// <summary>
    /// A stamp that changes whenever anything the evaluation counts changes: every change is saved
    /// with its audit entry in one transaction, so the number of entries and the last one's
    /// sequence move together with the data. The count catches a change whose entry took a lower
    /// sequence number but committed later than another's (possible on PostgreSQL). Saves of draft
    /// scores are left out: the evaluation counts submitted scores only.
    /// </summary>
    public static async Task<(long Last, int Count)> RevisionAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        // A draft score's save changes nothing the evaluation counts (submitted scores only), so
        // it does not change the stamp: while evaluators score, the evaluation is kept.
        var stamp = await db.AuditEntries.AsNoTracking()
            .Where(a => a.TenderId == tenderId && !(a.Entity == "EvaluatorScore" && (a.Action == "Created" || a.Action == "Changed")))
            .GroupBy(a => a.TenderId).Select(g => new { Last = g.Max(a => a.Id), Count = g.Count() })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        return stamp is null ? (0, 0) : (stamp.Last, stamp.Count);
    }
}
