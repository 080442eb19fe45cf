using System.Collections.Concurrent;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>
/// A stored tender evaluated as it stands: the pack the evaluation used (every bid, the scores
/// evaluators have submitted, consensus scores and decisions; drafts are not yet anyone's score),
/// the result with its robustness analysis, and the names the panel knows each other by.
/// </summary>
/// <param name="Tender">The tender as listed.</param>
/// <param name="Pack">What was evaluated.</param>
/// <param name="Result">The result, lot by lot.</param>
/// <param name="Robustness">How robust each lot's result is.</param>
/// <param name="EvaluatorNames">For each evaluator id in the tender, the name of the account that holds it, or the tender's own name for it.</param>
/// <param name="Revision">The stamp of the stored data this evaluation is of (<see cref="TenderLoader.RevisionAsync"/>).</param>
public sealed record TenderEvaluation(TenderSummary Tender, TenderPack Pack, TenderResult Result, IReadOnlyList<LotRobustness> Robustness, IReadOnlyDictionary<string, string> EvaluatorNames, (long Last, int Count) Revision)
{
    /// <summary>The evaluator's name for an id.</summary>
    public string NameOf(string evaluatorId) => EvaluatorNames.GetValueOrDefault(evaluatorId, evaluatorId);

    /// <summary>True when no lot has anything outstanding.</summary>
    public bool Complete => Result.Lots.All(l => l.Complete);
}

/// <summary>
/// Evaluations kept per tender and reused until anything about the tender changes. Every change
/// is saved with its audit entry in the same transaction, so the audit trail's stamp
/// (<see cref="TenderLoader.RevisionAsync"/>) says whether a kept evaluation is still current;
/// each instance checks it against the database on every request, so several instances over one
/// PostgreSQL database never serve a stale result. Bounded: the least recently used tenders go first.
/// </summary>
public sealed class EvaluationCache
{
    private const int Capacity = 16;
    private readonly ConcurrentDictionary<Guid, (long Used, (long, int) Revision, Lazy<Task<TenderEvaluation?>> Evaluation)> _kept = new();
    private long _clock;

    internal async Task<TenderEvaluation?> GetAsync(Guid tenderId, (long, int) revision, Func<Task<TenderEvaluation?>> evaluate)
    {
        var used = Interlocked.Increment(ref _clock);
        var entry = _kept.AddOrUpdate(
            tenderId,
            _ => (used, revision, new Lazy<Task<TenderEvaluation?>>(evaluate)),
            (_, old) => old.Revision == revision ? (used, revision, old.Evaluation) : (used, revision, new Lazy<Task<TenderEvaluation?>>(evaluate)));
        if (_kept.Count > Capacity)
        {
            foreach (var stale in _kept.OrderBy(e => e.Value.Used).Take(_kept.Count - Capacity).Select(e => e.Key).ToList())
            {
                _kept.TryRemove(stale, out _);
            }
        }

        try
        {
            return await entry.Evaluation.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed evaluation is not kept: the next request tries again.
            _kept.TryRemove(new KeyValuePair<Guid, (long, (long, int), Lazy<Task<TenderEvaluation?>>)>(tenderId, entry));
            throw;
        }
    }

    /// <summary>How many tenders' evaluations are kept (for tests).</summary>
    internal int Count => _kept.Count;
}

/// <summary>
/// Loads a stored tender and evaluates it, for those whose role and the tender's stage let them
/// see results (<see cref="TenderOperation.ViewResults"/>). The evaluation is made once per
/// version of the stored data and reused (<see cref="EvaluationCache"/>).
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="cache">Evaluations kept between requests.</param>
public sealed class EvaluateTender(ICommissioningContextFactory contexts, EvaluationCache cache)
{
    /// <summary>The tender evaluated as it stands.</summary>
    public async Task<Outcome<TenderEvaluation>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewResults, cancel).ConfigureAwait(false);
        return access.Succeeded
            ? Outcome<TenderEvaluation>.Success((await CurrentAsync(db, tenderId, cancel).ConfigureAwait(false))!)
            : access.As<TenderEvaluation>();
    }

    /// <summary>The current evaluation, for another handler that has already checked what its caller may see of it.</summary>
    internal async Task<TenderEvaluation?> CurrentAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        var revision = await TenderLoader.RevisionAsync(db, tenderId, cancel).ConfigureAwait(false);
        return await cache.GetAsync(tenderId, revision, () => EvaluateAsync(tenderId, revision, cancel)).ConfigureAwait(false);
    }

    private async Task<TenderEvaluation?> EvaluateAsync(Guid tenderId, (long, int) revision, CancellationToken cancel)
    {
        var pack = await TenderLoader.LoadPackAsync(contexts, tenderId, cancel, submittedScoresOnly: true).ConfigureAwait(false);
        if (pack is null)
        {
            return null;
        }

        await using var db = contexts.Create();
        var summary = await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId)
            .Select(t => new TenderSummary(t.Id, t.Title, t.Stage, t.Version, t.StandstillEndsOn, t.CancellationReason)).SingleAsync(cancel).ConfigureAwait(false);
        var names = await TenderLoader.EvaluatorNamesAsync(db, tenderId, pack.Tender, cancel).ConfigureAwait(false);

        var (result, robustness) = TenderEvaluator.EvaluateWithRobustness(pack);
        return new TenderEvaluation(summary, pack, result, robustness, names, revision);
    }
}
