using System.Security.Cryptography;
using System.Text;
using Commissioning.Core.Files;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Tenders;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>
/// What every change to a stored tender shares: the stage check, the transaction that holds the
/// stage still while the change is made, the save that turns someone else's earlier save into a
/// conflict naming who and what (never an overwrite), and where a bid's question sits.
/// </summary>
internal static class TenderChanges
{
    /// <summary>The JSON options the stored records use.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions Json = TenderMapping.JsonOptions;

    /// <summary>Refused (with why) when the stage forbids the change, or Invalid when it needs a reason and none was given; null when allowed.</summary>
    internal static Outcome<T>? Refused<T>(TenderStage stage, TenderChange change, string? reason)
    {
        var decision = TenderLifecycle.Check(stage, change);
        if (!decision.Allowed)
        {
            return Outcome<T>.Fail(FailureKind.Refused, decision.Refusal!);
        }

        return decision.ReasonRequired && string.IsNullOrWhiteSpace(reason)
            ? Outcome<T>.Fail(FailureKind.Invalid, "Enter the reason for this decision.", new FormFieldLocation("Reason"))
            : null;
    }

    /// <summary>
    /// Begins the transaction of a change that depends on the tender's stage (a score, a
    /// submission, a consensus score, a gate decision, people) and reads the tender inside it, so
    /// that no stage change can commit between this read and the change's own commit:
    /// <list type="bullet">
    /// <item>SQLite: the transaction begins with <c>BEGIN IMMEDIATE</c> (EF Core's default there),
    /// which takes the database's one write lock before the stage is read; a stage change waits for
    /// it, and this change waits for a stage change in progress and then reads the new stage.</item>
    /// <item>PostgreSQL: the tender row is read <c>FOR SHARE</c>. A stage change's <c>UPDATE</c>
    /// waits until every change holding the share lock has committed, and a change that starts while
    /// a stage change is in progress waits for it and then reads the new stage. Share locks do not
    /// wait for each other, so two evaluators' saves on one tender still run at once.</item>
    /// </list>
    /// The transaction is committed by <see cref="SaveAsync"/>, and rolled back when the context is
    /// disposed without saving (a refusal).
    /// </summary>
    internal static async Task<TenderRow?> ReadForStageDependentChangeAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            return await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        }

        var rows = await db.Tenders.FromSql($"SELECT * FROM \"Tenders\" WHERE \"Id\" = {tenderId} FOR SHARE").AsNoTracking()
            .ToListAsync(cancel).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    /// <summary>Saves; a concurrency failure becomes a conflict naming what changed and who changed it.</summary>
    internal static async Task<Outcome<T>> SaveAsync<T>(CommissioningDbContext db, Guid tenderId, string entity, string key, long? expectedVersion, Func<T> value, CancellationToken cancel)
    {
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancel).ConfigureAwait(false);
            }

            return Outcome<T>.Success(value());
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            // Someone saved the same row first (an update that matched no row at our version, or
            // an insert that met theirs). Nothing of ours was saved; read what they did.
            await using var fresh = CommissioningDatabase.CreateContext(SettingsOf(db));
            return await ConflictAsync<T>(fresh, tenderId, entity, key, expectedVersion, cancel).ConfigureAwait(false);
        }
    }

    internal static DatabaseSettings SettingsOf(CommissioningDbContext db) =>
        new(db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql, db.Database.GetConnectionString()!);

    internal static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
        || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" };

    internal static async Task<Outcome<T>> ConflictAsync<T>(CommissioningDbContext db, Guid tenderId, string entity, string key, long? expectedVersion, CancellationToken cancel)
    {
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.TenderId == tenderId && a.Entity == entity && (a.EntityKey == key || (entity == "EvaluatorScore" && a.Action == "Submitted")))
            .OrderByDescending(a => a.Id).Take(5).ToListAsync(cancel).ConfigureAwait(false);
        var latest = changes.FirstOrDefault(a => a.EntityKey == key) ?? changes.FirstOrDefault();
        var what = latest is null
            ? "Someone else saved this first."
            : $"{latest.UserName} saved this at {latest.At.UtcDateTime:HH:mm:ss} UTC on {TenderLifecycle.Day(DateOnly.FromDateTime(latest.At.UtcDateTime))}"
              + (latest.Before is null ? $", setting it to {latest.After}." : $", changing it from {latest.Before} to {latest.After}.");
        var errors = new List<AppError> { new($"{what} Your change was not saved, so nothing was overwritten. Check their change, then make yours again if it is still needed.") };
        _ = expectedVersion;
        return Outcome<T>.Fail(FailureKind.Conflict, errors);
    }

    /// <summary>
    /// Marks a row as saved at the version the caller saw: the UPDATE then matches only that
    /// version, even when the new values equal the stored ones (a save is still a save, and still
    /// refused if someone else saved first).
    /// </summary>
    internal static void Touch(CommissioningDbContext db, EditableRow row, long expectedVersion)
    {
        var version = db.Entry(row).Property(r => r.Version);
        version.OriginalValue = expectedVersion;
        version.IsModified = true;
    }

    internal static Outcome<T> NotFound<T>() => Outcome<T>.Fail(FailureKind.NotFound, "There is no such tender.");

    /// <summary>What an import or creation records as the value after: the file's fingerprint and size, not the whole file.</summary>
    internal static string Summary(string json)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return $"{{\"format\":\"{TenderFile.Format}\",\"sha256\":\"{hash}\",\"characters\":{json.Length}}}";
    }

    /// <summary>Where each bid and question sits: a bid's lot, and a lot's question's section.</summary>
    internal sealed class Layout(Dictionary<string, string> bidLots, Dictionary<(string Lot, string Question), string> sections)
    {
        public Place? Where(EvaluatorScore score) =>
            bidLots.TryGetValue(score.BidId, out var lot) && sections.TryGetValue((lot, score.QuestionId), out var section) ? new Place(lot, section) : null;
    }

    internal sealed record Place(string LotId, string SectionId);

    internal static async Task<Layout> LayoutAsync(CommissioningDbContext db, Guid tenderId, CancellationToken cancel)
    {
        var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).Select(b => new { b.Key, b.LotKey }).ToListAsync(cancel).ConfigureAwait(false);
        var questions = await (from q in db.Questions
                               join s in db.Sections on q.SectionId equals s.Id
                               join l in db.Lots on s.LotId equals l.Id
                               where l.TenderId == tenderId
                               select new { Lot = l.Key, Section = s.Key, Question = q.Key }).ToListAsync(cancel).ConfigureAwait(false);
        return new Layout(
            bids.ToDictionary(b => b.Key, b => b.LotKey, StringComparer.Ordinal),
            questions.ToDictionary(q => (q.Lot, q.Question), q => q.Section));
    }

    /// <summary>Where one bid's question sits (its lot and section), or null when the tender has no such bid or question: one query, for a single save.</summary>
    internal static async Task<Place?> PlaceAsync(CommissioningDbContext db, Guid tenderId, string bidId, string questionId, CancellationToken cancel)
    {
        var place = await (from b in db.Bids
                           join l in db.Lots on new { b.TenderId, Key = b.LotKey } equals new { l.TenderId, l.Key }
                           join s in db.Sections on l.Id equals s.LotId
                           join q in db.Questions on s.Id equals q.SectionId
                           where b.TenderId == tenderId && b.Key == bidId && q.Key == questionId
                           select new { Lot = l.Key, Section = s.Key }).FirstOrDefaultAsync(cancel).ConfigureAwait(false);
        return place is null ? null : new Place(place.Lot, place.Section);
    }
}
