using System.Text.Json;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Setup;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Data;
using Commissioning.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>A tender being set up in the site, with its task list.</summary>
/// <param name="TenderId">The tender.</param>
/// <param name="Stage">Its stage: set-up changes are made only while it is a draft.</param>
/// <param name="Version">The tender's version, sent back with every change.</param>
/// <param name="Tender">The definition as stored.</param>
/// <param name="Tasks">Every task with its status and problems.</param>
/// <param name="FromFile">True for a tender that came whole from a file (its tasks count as complete until changed here).</param>
/// <param name="LockedBecause">Why set-up changes are refused now, or null when they are allowed.</param>
public sealed record TenderSetupState(Guid TenderId, TenderStage Stage, long Version, Tender Tender, IReadOnlyList<SetupTaskState> Tasks, bool FromFile, string? LockedBecause)
{
    /// <summary>One task's state.</summary>
    public SetupTaskState this[SetupTask task] => Tasks.Single(t => t.Task == task);

    /// <summary>Every problem, task by task.</summary>
    public IEnumerable<SetupProblem> Problems => Tasks.SelectMany(t => t.Problems);

    /// <summary>True when every task is completed with no problem: the tender may be published.</summary>
    public bool ReadyToPublish => TenderSetup.ReadyToPublish(Tasks);
}

/// <summary>What the first page of a new tender asks.</summary>
/// <param name="Title">The tender's title.</param>
/// <param name="Reference">The buyer's reference, if any.</param>
/// <param name="Regime">The regime, procedure and why.</param>
public sealed record TenderDetails(string Title, string? Reference, RegimeChoice Regime);

/// <summary>The checks the set-up handlers share: problems of a definition, task by task.</summary>
internal static class SetupRules
{
    public static IReadOnlyList<SetupProblem> Problems(Tender tender, StandardsCatalogue? standards) =>
        TenderSetup.Problems(new TenderValidator(standards).Validate(tender).Errors.Select(e => (e.PropertyName, e.ErrorMessage)));

    public static IReadOnlySet<SetupTask> Completed(string? json) =>
        json is null
            ? Enum.GetValues<SetupTask>().ToHashSet()
            : (JsonSerializer.Deserialize<List<string>>(json) ?? []).Select(n => Enum.TryParse<SetupTask>(n, out var t) ? (SetupTask?)t : null).OfType<SetupTask>().ToHashSet();

    public static string CompletedJson(IEnumerable<SetupTask> tasks) => JsonSerializer.Serialize(tasks.Distinct().Order().Select(t => t.ToString()));

    /// <summary>Why set-up changes are refused, or null: only a draft changes, and not once it holds bids or scores (from its file).</summary>
    public static string? LockedBecause(TenderStage stage, bool hasBids)
    {
        var decision = TenderLifecycle.Check(stage, TenderChange.Definition);
        return !decision.Allowed ? decision.Refusal
            : hasBids ? "This tender already holds bids, imported with its file, so its lots, criteria and people are fixed. Import a file without bids to change them here."
            : null;
    }

    /// <summary>What stops publishing a draft: every problem of its definition, and any set-up task not yet marked complete.</summary>
    public static async Task<List<string>> PublishRefusalsAsync(CommissioningDbContext db, TenderRow row, StandardsCatalogue? standards, CancellationToken cancel)
    {
        var tender = await TenderLoader.DefinitionAsync(db, row.Id, cancel).ConfigureAwait(false);
        var problems = Problems(tender, standards);
        var tasks = TenderSetup.Assess(tender, problems, Completed(row.SetupCompletedJson));
        var refusals = new List<string>();
        foreach (var task in tasks.Where(t => t.Status != SetupStatus.Completed))
        {
            refusals.Add(task.Problems.Count switch
            {
                0 => $"{TenderSetup.Describe(task.Task)}: mark the task as complete once you have checked it.",
                1 => $"{TenderSetup.Describe(task.Task)}: {Sentence(task.Problems[0].Message)}",
                var n => $"{TenderSetup.Describe(task.Task)}: {Sentence(task.Problems[0].Message)} And {n - 1} more {(n == 2 ? "problem" : "problems")} in this task.",
            });
        }

        return refusals;
    }

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";
}

/// <summary>Starts a tender in the site from its details: a draft the commissioner owns, with its task list. Commissioners only.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class CreateTender(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Creates the draft; its id.</summary>
    public async Task<Outcome<Guid>> HandleAsync(SiteUser user, TenderDetails details, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(details);
        if (!user.IsCommissioner)
        {
            return Outcome<Guid>.Fail(FailureKind.Refused, "Only a commissioner can create a tender. Ask an administrator to give your account the commissioner role.");
        }

        var tender = TenderDrafts.New(details.Title.Trim(), TenderGate.Blank(details.Reference), details.Regime);
        var after = TenderMapping.Json(new { tender.Title, tender.Reference, regime = tender.Regime.Regime.ToString(), tender.Regime.Procedure, tender.Regime.Rationale });
        return await ImportTender.SaveNewAsync(contexts, time, new TenderPack { Tender = tender }, user.Actor, "Created", after, user.UserId, setUpInSite: true, cancel).ConfigureAwait(false);
    }
}

/// <summary>The tender's set-up: its definition and task list. Only the owner.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="standards">The standards, for checking the requirements the criteria cite.</param>
public sealed class ReadTenderSetup(ICommissioningContextFactory contexts, StandardsCatalogue standards)
{
    /// <summary>The set-up as stored.</summary>
    public async Task<Outcome<TenderSetupState>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SetUp, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<TenderSetupState>();
        }

        var row = await db.Tenders.AsNoTracking().Where(t => t.Id == tenderId).Select(t => new { t.Stage, t.Version, t.SetupCompletedJson }).SingleAsync(cancel).ConfigureAwait(false);
        var hasBids = await db.Bids.AnyAsync(b => b.TenderId == tenderId, cancel).ConfigureAwait(false);
        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var problems = SetupRules.Problems(tender, standards);
        var tasks = TenderSetup.Assess(tender, problems, SetupRules.Completed(row.SetupCompletedJson));
        return Outcome<TenderSetupState>.Success(new TenderSetupState(tenderId, row.Stage, row.Version, tender, tasks, row.SetupCompletedJson is null, SetupRules.LockedBecause(row.Stage, hasBids)));
    }
}

/// <summary>
/// One change to a draft tender's set-up, made by a set-up task: the change is a pure function of
/// the definition (<see cref="TenderDrafts"/>), and the whole definition is saved again in one
/// transaction with the audit entry, refused when someone else saved the tender first. Only the
/// owner, only while the tender is a draft without bids.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
/// <param name="standards">The standards, for drafting criteria from the members' specification.</param>
public sealed class ChangeTenderSetup(ICommissioningContextFactory contexts, TimeProvider time, StandardsCatalogue standards)
{
    /// <summary>The standards the changes draft from.</summary>
    public StandardsCatalogue Standards => standards;

    /// <summary>Makes the change; the tender's new version.</summary>
    /// <param name="user">Who.</param>
    /// <param name="tenderId">The tender.</param>
    /// <param name="expectedVersion">The tender's version when the page was shown.</param>
    /// <param name="task">The task making the change (named in the audit trail).</param>
    /// <param name="change">The change: a new definition, or the problems that stop it.</param>
    /// <param name="complete">Marks the task complete (true) or not (false); null leaves the mark as it is.</param>
    /// <param name="cancel">Cancels the operation.</param>
    public async Task<Outcome<long>> HandleAsync(SiteUser user, Guid tenderId, long expectedVersion, SetupTask task, Func<Tender, Outcome<Tender>> change, bool? complete, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(change);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SetUp, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<long>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var row = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (row.Version != expectedVersion)
        {
            return await TenderChanges.ConflictAsync<long>(db, tenderId, "TenderSetup", task.ToString(), expectedVersion, cancel).ConfigureAwait(false);
        }

        var hasBids = await db.Bids.AnyAsync(b => b.TenderId == tenderId, cancel).ConfigureAwait(false);
        if (SetupRules.LockedBecause(row.Stage, hasBids) is { } locked)
        {
            return Outcome<long>.Fail(FailureKind.Refused, locked);
        }

        var before = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var changed = change(before);
        if (!changed.Succeeded)
        {
            return changed.As<long>();
        }

        var after = changed.Value;
        var completed = SetupRules.Completed(row.SetupCompletedJson).ToHashSet();
        if (complete == true)
        {
            completed.Add(task);
        }
        else if (complete == false)
        {
            completed.Remove(task);
        }

        var definitionChanged = !TenderMapping.Json(after).Equals(TenderMapping.Json(before), StringComparison.Ordinal);
        if (definitionChanged)
        {
            await ReplaceDefinitionAsync(db, row, after, cancel).ConfigureAwait(false);
        }

        var completedBefore = row.SetupCompletedJson;
        row.SetupCompletedJson = SetupRules.CompletedJson(completed);
        TenderChanges.Touch(db, row, expectedVersion);
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderSetup", task.ToString(), definitionChanged ? "Changed" : "Marked",
            PartJson(before, task, completedBefore), PartJson(after, task, row.SetupCompletedJson));
        return await TenderChanges.SaveAsync(db, tenderId, "TenderSetup", task.ToString(), expectedVersion, () => row.Version, cancel).ConfigureAwait(false);
    }

    /// <summary>Replaces the stored definition: the rows of members, lots (with sections, questions and gates), evaluators and assignments go, and the new ones come in.</summary>
    private static async Task ReplaceDefinitionAsync(CommissioningDbContext db, TenderRow row, Tender tender, CancellationToken cancel)
    {
        var id = row.Id;
        await db.Questions.Where(q => db.Sections.Any(s => s.Id == q.SectionId && db.Lots.Any(l => l.Id == s.LotId && l.TenderId == id))).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.Sections.Where(s => db.Lots.Any(l => l.Id == s.LotId && l.TenderId == id)).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.Gates.Where(g => db.Lots.Any(l => l.Id == g.LotId && l.TenderId == id)).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.Lots.Where(l => l.TenderId == id).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.TenderMembers.Where(m => m.TenderId == id).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.Assignments.Where(a => a.TenderId == id).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.Evaluators.Where(e => e.TenderId == id).ExecuteDeleteAsync(cancel).ConfigureAwait(false);

        var rows = TenderMapping.DefinitionRows(id, tender);
        db.TenderMembers.AddRange(rows.Members);
        db.Lots.AddRange(rows.Lots);
        db.Evaluators.AddRange(rows.Evaluators);
        db.Assignments.AddRange(rows.Assignments);
        TenderMapping.CopyDetails(tender, row);
    }

    /// <summary>The part of the definition a task changes, as the audit trail records it.</summary>
    private static string PartJson(Tender tender, SetupTask task, string? completed)
    {
        object part = task switch
        {
            SetupTask.Details => new { tender.Title, tender.Reference, regime = tender.Regime.Regime.ToString(), tender.Regime.Procedure, tender.Regime.Rationale },
            SetupTask.Members => new { members = tender.Members },
            SetupTask.ScaleAndThresholds => new { tender.Scale, tender.SpreadFlag, thresholds = tender.Lots.Select(l => new { l.Id, l.MinimumQualityPercent, sections = l.Sections.Select(s => new { s.Id, s.MinimumPercent, questions = s.Questions.Where(q => q.MinimumScore is not null).Select(q => new { q.Id, q.MinimumScore }) }) }) },
            SetupTask.People => new { evaluators = tender.Evaluators, assignments = tender.Assignments },
            _ => new { lots = tender.Lots },
        };
        return TenderMapping.Json(new { part, completed = completed is null ? null : JsonSerializer.Deserialize<List<string>>(completed) });
    }
}
