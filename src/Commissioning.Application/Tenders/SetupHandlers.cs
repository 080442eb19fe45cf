using System.Text.Json;
using Commissioning.Application.Accounts;
using Commissioning.Core.Lifecycle;
using Commissioning.Core.Profiles;
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
    public static IReadOnlyList<SetupProblem> Problems(Tender tender, StandardsCatalogue? standards, bool setUpInSite) =>
    [
        .. TenderSetup.Problems(new TenderValidator(standards).Validate(tender).Errors.Select(e => (e.PropertyName, e.ErrorMessage))),
        .. setUpInSite ? TenderSetup.SiteProblems(tender) : [],
    ];

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
        var problems = Problems(tender, standards, row.SetupCompletedJson is not null);
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
        var problems = SetupRules.Problems(tender, standards, row.SetupCompletedJson is not null);
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
    internal static async Task ReplaceDefinitionAsync(CommissioningDbContext db, TenderRow row, Tender tender, CancellationToken cancel)
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
    internal static string PartJson(Tender tender, SetupTask task, string? completed)
    {
        object part = task switch
        {
            SetupTask.Details => new { tender.Title, tender.Reference, regime = tender.Regime.Regime.ToString(), tender.Regime.Procedure, tender.Regime.Rationale },
            SetupTask.Members => new { members = tender.Members },
            SetupTask.ScaleAndThresholds => new { tender.Scale, tender.SpreadFlag, thresholds = tender.Lots.Select(l => new { l.Id, l.MinimumQualityPercent, sections = l.Sections.Select(s => new { s.Id, s.MinimumPercent, questions = s.Questions.Where(q => q.MinimumScore is not null).Select(q => new { q.Id, q.MinimumScore }) }) }) },
            SetupTask.People => new { evaluators = tender.Evaluators, assignments = tender.Assignments },
            SetupTask.KeyDates => new { tender.ClarificationDeadline, tender.BidDeadline },
            _ => new { lots = tender.Lots },
        };
        return TenderMapping.Json(new { part, completed = completed is null ? null : JsonSerializer.Deserialize<List<string>>(completed) });
    }
}

/// <summary>An account that can be given an evaluator's or a moderator's place.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Name">Its name.</param>
/// <param name="Email">Its email address.</param>
public sealed record PanelCandidate(string UserId, string Name, string Email);

/// <summary>The panel of a tender being set up: each place with the people holding it.</summary>
/// <param name="MembershipId">The role.</param>
/// <param name="EvaluatorId">The place in the tender, such as <c>e1</c> (the toolkit's business, never typed).</param>
/// <param name="Name">The person's name.</param>
/// <param name="Email">Their email address.</param>
/// <param name="Role">Evaluator or moderator.</param>
/// <param name="LotIds">The lots they cover; empty for every lot.</param>
public sealed record PanelPlace(Guid MembershipId, string EvaluatorId, string Name, string Email, TenderRole Role, IReadOnlyList<string> LotIds);

/// <summary>The accounts an owner may put on the panel, and the panel as it is. Only the owner.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ReadPanel(ICommissioningContextFactory contexts)
{
    /// <summary>The candidates (buyers' accounts, by name) and the places.</summary>
    public async Task<Outcome<(IReadOnlyList<PanelCandidate> Candidates, IReadOnlyList<PanelPlace> Places)>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SetUp, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<(IReadOnlyList<PanelCandidate>, IReadOnlyList<PanelPlace>)>();
        }

        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Organisation == null || u.Organisation.Kind != OrganisationKind.Provider)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancel).ConfigureAwait(false);
        var candidates = accounts.Select(a => new PanelCandidate(a.Id, string.IsNullOrWhiteSpace(a.DisplayName) ? a.Email ?? a.Id : a.DisplayName, a.Email ?? string.Empty))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.Email, StringComparer.Ordinal).ToList();
        var rows = await db.TenderMemberships.AsNoTracking().Include(m => m.Scope)
            .Where(m => m.TenderId == tenderId && (m.Role == TenderRole.Evaluator || m.Role == TenderRole.Moderator) && m.EvaluatorKey != null)
            .ToListAsync(cancel).ConfigureAwait(false);
        var byId = candidates.ToDictionary(c => c.UserId, StringComparer.Ordinal);
        var places = rows.Select(r => new PanelPlace(r.Id, r.EvaluatorKey!, byId.TryGetValue(r.UserId, out var c) ? c.Name : "An account", byId.TryGetValue(r.UserId, out var d) ? d.Email : string.Empty,
                r.Role, [.. r.Scope.Select(x => x.LotKey).Distinct(StringComparer.Ordinal)]))
            .OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Outcome<(IReadOnlyList<PanelCandidate>, IReadOnlyList<PanelPlace>)>.Success((candidates, places));
    }
}

/// <summary>
/// Puts an account on a draft tender's panel as an evaluator or a moderator, for chosen lots (or
/// every lot): gives the account its place in the tender (one place per account, named after it),
/// assigns an evaluator every question of those lots, and gives the role, in one transaction with
/// the audit entries. Only the owner, only while the tender is a draft without bids.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class AddToPanel(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Adds the person; the tender's new version.</summary>
    public async Task<Outcome<long>> HandleAsync(SiteUser user, Guid tenderId, long expectedVersion, string accountId, TenderRole role, IReadOnlyList<string> lotIds, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(lotIds);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SetUp, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<long>();
        }

        if (role is not (TenderRole.Evaluator or TenderRole.Moderator))
        {
            return Outcome<long>.Fail(FailureKind.Invalid, "Choose evaluator or moderator.", new FormFieldLocation("Role"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var row = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancel).ConfigureAwait(false);
        if (row.Version != expectedVersion)
        {
            return await TenderChanges.ConflictAsync<long>(db, tenderId, "TenderSetup", nameof(SetupTask.People), expectedVersion, cancel).ConfigureAwait(false);
        }

        if (SetupRules.LockedBecause(row.Stage, await db.Bids.AnyAsync(b => b.TenderId == tenderId, cancel).ConfigureAwait(false)) is { } locked)
        {
            return Outcome<long>.Fail(FailureKind.Refused, locked);
        }

        var account = await db.Users.AsNoTracking().Where(u => u.Id == accountId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Kind = u.Organisation == null ? (OrganisationKind?)null : u.Organisation.Kind })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (account is null || account.Kind == OrganisationKind.Provider)
        {
            return Outcome<long>.Fail(FailureKind.Invalid, "Choose a person from the list.", new FormFieldLocation("AccountId"));
        }

        var memberships = await db.TenderMemberships.Where(m => m.TenderId == tenderId && m.UserId == account.Id).ToListAsync(cancel).ConfigureAwait(false);
        var name = string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email ?? account.Id : account.DisplayName;
        if (memberships.Any(m => m.Role == role))
        {
            return Outcome<long>.Fail(FailureKind.Invalid, $"{name} is already {(role == TenderRole.Evaluator ? "an evaluator" : "a moderator")} of this tender.", new FormFieldLocation("AccountId"));
        }

        var before = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var unknown = lotIds.FirstOrDefault(id => before.FindLot(id) is null);
        if (unknown is not null)
        {
            return Outcome<long>.Fail(FailureKind.Conflict, "The lots changed since this page was shown. Nothing was saved; choose the lots again.", new FormFieldLocation("Lots"));
        }

        // One place per account: a person who already holds one (as the other role) keeps it.
        var place = memberships.Select(m => m.EvaluatorKey).FirstOrDefault(k => k is not null)
            ?? TenderDrafts.NextNumbered("e", before.Evaluators.Select(e => e.Id));
        var chosen = lotIds.Count == 0 ? before.Lots.Select(l => l.Id).ToList() : [.. lotIds.Distinct(StringComparer.Ordinal)];
        var after = before with
        {
            Evaluators = before.Evaluators.Any(e => e.Id == place) ? before.Evaluators : [.. before.Evaluators, new Evaluator { Id = place, Name = name }],
            Assignments = role == TenderRole.Evaluator
                ? [.. before.Assignments.Where(a => a.EvaluatorId != place), .. chosen.Select(lot => new Assignment { EvaluatorId = place, LotId = lot })]
                : before.Assignments,
        };
        await ChangeTenderSetup.ReplaceDefinitionAsync(db, row, after, cancel).ConfigureAwait(false);

        var membership = new TenderMembershipRow { TenderId = tenderId, UserId = account.Id, Role = role, EvaluatorKey = place };
        membership.Scope.AddRange(lotIds.Distinct(StringComparer.Ordinal).Select(lot => new MembershipScopeRow { MembershipId = membership.Id, LotKey = lot }));
        db.TenderMemberships.Add(membership);
        TenderChanges.Touch(db, row, expectedVersion);
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderSetup", nameof(SetupTask.People), "Changed",
            ChangeTenderSetup.PartJson(before, SetupTask.People, row.SetupCompletedJson), ChangeTenderSetup.PartJson(after, SetupTask.People, row.SetupCompletedJson));
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderMembership", $"{account.Id}/{role}", "Created", null,
            JsonSerializer.Serialize(new { userId = account.Id, role = role.ToString(), evaluatorId = place, scope = lotIds.Select(l => new { lotId = l, sectionId = (string?)null }) }));
        return await TenderChanges.SaveAsync(db, tenderId, "TenderSetup", nameof(SetupTask.People), expectedVersion, () => row.Version, cancel).ConfigureAwait(false);
    }
}

/// <summary>
/// Takes a person off a draft tender's panel: the role goes, and with the person's last role their
/// place and its assignments. Only the owner, only while the tender is a draft without bids.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="time">The clock for the audit trail.</param>
public sealed class RemoveFromPanel(ICommissioningContextFactory contexts, TimeProvider time)
{
    /// <summary>Removes the role; the tender's new version.</summary>
    public async Task<Outcome<long>> HandleAsync(SiteUser user, Guid tenderId, long expectedVersion, Guid membershipId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
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
            return await TenderChanges.ConflictAsync<long>(db, tenderId, "TenderSetup", nameof(SetupTask.People), expectedVersion, cancel).ConfigureAwait(false);
        }

        if (SetupRules.LockedBecause(row.Stage, await db.Bids.AnyAsync(b => b.TenderId == tenderId, cancel).ConfigureAwait(false)) is { } locked)
        {
            return Outcome<long>.Fail(FailureKind.Refused, locked);
        }

        var membership = await db.TenderMemberships.Include(m => m.Scope)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.TenderId == tenderId && (m.Role == TenderRole.Evaluator || m.Role == TenderRole.Moderator), cancel).ConfigureAwait(false);
        if (membership is null)
        {
            return Outcome<long>.Fail(FailureKind.Conflict, "That person is no longer on the panel. The list below is as it is now.");
        }

        var before = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var keepsPlace = await db.TenderMemberships.AnyAsync(m => m.TenderId == tenderId && m.Id != membershipId && m.EvaluatorKey == membership.EvaluatorKey, cancel).ConfigureAwait(false);
        var after = before with
        {
            Evaluators = keepsPlace ? before.Evaluators : [.. before.Evaluators.Where(e => e.Id != membership.EvaluatorKey)],
            Assignments = membership.Role == TenderRole.Evaluator || !keepsPlace ? [.. before.Assignments.Where(a => a.EvaluatorId != membership.EvaluatorKey)] : before.Assignments,
        };
        await ChangeTenderSetup.ReplaceDefinitionAsync(db, row, after, cancel).ConfigureAwait(false);
        db.TenderMemberships.Remove(membership);
        TenderChanges.Touch(db, row, expectedVersion);
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderSetup", nameof(SetupTask.People), "Changed",
            ChangeTenderSetup.PartJson(before, SetupTask.People, row.SetupCompletedJson), ChangeTenderSetup.PartJson(after, SetupTask.People, row.SetupCompletedJson));
        AuditTrail.Add(db, time, user.Actor, tenderId, "TenderMembership", $"{membership.UserId}/{membership.Role}", "Removed",
            JsonSerializer.Serialize(new { userId = membership.UserId, role = membership.Role.ToString(), evaluatorId = membership.EvaluatorKey }), null);
        return await TenderChanges.SaveAsync(db, tenderId, "TenderSetup", nameof(SetupTask.People), expectedVersion, () => row.Version, cancel).ConfigureAwait(false);
    }
}

/// <summary>A member organisation's profile saved on another of the person's tenders, to add again.</summary>
/// <param name="Key">Which one: the other tender and the member's id there.</param>
/// <param name="TenderTitle">The title of the tender it was saved on.</param>
/// <param name="Profile">The profile.</param>
public sealed record SavedProfile(string Key, string TenderTitle, OrganisationProfile Profile);

/// <summary>
/// The member profiles a person has already saved on the tenders they own (other than this one),
/// newest tender first, each profile once, leaving out organisations this tender already has by
/// name; and adds those chosen. Only the tenders the person owns are read, so no one sees another
/// commissioner's members.
/// </summary>
/// <param name="contexts">Makes a context for each operation.</param>
/// <param name="change">Makes the set-up change.</param>
public sealed class SavedProfiles(ICommissioningContextFactory contexts, ChangeTenderSetup change)
{
    /// <summary>The profiles to choose from.</summary>
    public async Task<Outcome<IReadOnlyList<SavedProfile>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.SetUp, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<SavedProfile>>();
        }

        var owned = db.TenderMemberships.Where(m => m.UserId == user.UserId && m.Role == TenderRole.Owner && m.TenderId != tenderId).Select(m => m.TenderId);
        var rows = await db.TenderMembers.AsNoTracking().Where(m => owned.Contains(m.TenderId) || m.TenderId == tenderId)
            .Join(db.Tenders, m => m.TenderId, t => t.Id, (m, t) => new { Member = m, t.Title, t.CreatedAt })
            .ToListAsync(cancel).ConfigureAwait(false);
        var here = rows.Where(r => r.Member.TenderId == tenderId).Select(r => TenderMapping.ToProfile(r.Member).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var saved = new List<SavedProfile>();
        foreach (var row in rows.Where(r => r.Member.TenderId != tenderId).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Member.TenderId).ThenBy(r => r.Member.Position))
        {
            var profile = TenderMapping.ToProfile(row.Member);
            if (!here.Contains(profile.Name) && seen.Add(TenderMapping.Json(profile)))
            {
                saved.Add(new SavedProfile($"{row.Member.TenderId:N}/{row.Member.Key}", row.Title, profile));
            }
        }

        return Outcome<IReadOnlyList<SavedProfile>>.Success(saved);
    }

    /// <summary>Adds the profiles chosen (by key) as members, in one change; any key not offered is refused.</summary>
    public async Task<Outcome<long>> AddAsync(SiteUser user, Guid tenderId, long version, IReadOnlyList<string> keys, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var offered = await HandleAsync(user, tenderId, cancel).ConfigureAwait(false);
        if (!offered.Succeeded)
        {
            return offered.As<long>();
        }

        var chosen = offered.Value.Where(p => keys.Contains(p.Key, StringComparer.Ordinal)).ToList();
        if (chosen.Count != keys.Distinct(StringComparer.Ordinal).Count())
        {
            return Outcome<long>.Fail(FailureKind.Conflict, "The saved organisations changed since this page was shown (one may have been added already). Nothing was added; choose again.", new FormFieldLocation("Chosen"));
        }

        return await change.HandleAsync(user, tenderId, version, SetupTask.Members,
            tender => Outcome<Tender>.Success(chosen.Aggregate(tender, (t, p) => TenderDrafts.AddMember(t, p.Profile))), null, cancel).ConfigureAwait(false);
    }
}
