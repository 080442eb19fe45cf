using System.Globalization;
using System.Text.Json;
using Commissioning.Core.Lifecycle;
using Commissioning.Data;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Application.Tenders;

/// <summary>One recorded value of an audit entry, as a person reads it: a label and the value, ids replaced by names.</summary>
/// <param name="Label">What the value is, such as "Score".</param>
/// <param name="Value">The value.</param>
public sealed record AuditValue(string Label, string Value);

/// <summary>An audit entry in plain English, with its recorded values before and after.</summary>
/// <param name="Sequence">The order it was written in.</param>
/// <param name="At">When.</param>
/// <param name="Who">Who made the change.</param>
/// <param name="Sentence">What happened, in a sentence.</param>
/// <param name="Reason">The reason recorded, if any.</param>
/// <param name="Before">The values before, if any.</param>
/// <param name="After">The values after, if any.</param>
public sealed record ReadableAuditEntry(long Sequence, DateTimeOffset At, string Who, string Sentence, string? Reason, IReadOnlyList<AuditValue> Before, IReadOnlyList<AuditValue> After);

/// <summary>The names the audit trail's ids stand for on one tender.</summary>
/// <param name="Bids">Bid id to provider.</param>
/// <param name="Evaluators">Evaluator id to the name of whoever holds it.</param>
/// <param name="People">Account id to name.</param>
/// <param name="Questions">Question id to title (ids are unique within a lot; the first title wins).</param>
/// <param name="Gates">Gate id to title.</param>
/// <param name="Lots">Lot id to title.</param>
/// <param name="Organisations">Organisation id to name.</param>
public sealed record AuditNames(
    IReadOnlyDictionary<string, string> Bids,
    IReadOnlyDictionary<string, string> Evaluators,
    IReadOnlyDictionary<string, string> People,
    IReadOnlyDictionary<string, string> Questions,
    IReadOnlyDictionary<string, string> Gates,
    IReadOnlyDictionary<string, string> Lots,
    IReadOnlyDictionary<string, string> Organisations);

/// <summary>
/// Turns recorded audit entries into plain English: who did what to which, with ids replaced by
/// names, and the before and after values as labelled lists. Pure: the names are given.
/// </summary>
public static class AuditNarrative
{
    /// <summary>The readable entry for a recorded one.</summary>
    public static ReadableAuditEntry Describe(AuditRecord record, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(names);
        var before = Values(record.Before, names);
        var after = Values(record.After, names);
        return new(record.Sequence, record.At, record.UserName, Sentence(record, names, Read(record.Before), Read(record.After)), record.Reason, before, after);
    }

    private static string Sentence(AuditRecord e, AuditNames n, JsonElement? before, JsonElement? after)
    {
        var who = e.UserName;
        string Text(JsonElement? json, string property) => json is { ValueKind: JsonValueKind.Object } o
            && o.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } found
            ? found.Value.ToString()
            : string.Empty;
        string Bid(string id) => n.Bids.TryGetValue(id, out var p) ? $"{p}'s bid" : $"bid {id}";
        string Provider(string id) => n.Bids.GetValueOrDefault(id, id);
        string Question(string id) => n.Questions.TryGetValue(id, out var t) ? $"{id} ({t})" : id;
        string Evaluator(string id) => n.Evaluators.GetValueOrDefault(id, id);
        string Person(string id) => n.People.GetValueOrDefault(id, "an account");
        static string SetupTaskWords(string key) =>
            Enum.TryParse<Commissioning.Core.Tenders.Setup.SetupTask>(key, out var task) ? Commissioning.Core.Tenders.Setup.TenderSetup.Describe(task) : key;
        var parts = e.Key.Split('/');
        return (e.Entity, e.Action) switch
        {
            ("Tender", "Imported") => $"{who} imported the tender from a file.",
            ("Tender", "Created") => $"{who} created the tender.",
            ("Tender", "StageChanged") => $"{who} moved the tender from {StageWords(Text(before, "stage"))} to {StageWords(Text(after, "stage"))}."
                + (Text(after, "stage") == nameof(TenderStage.Standstill) && Text(after, "standstillEndsOn") is { Length: > 0 } end ? $" The standstill period ends at the end of {Day(end)}." : string.Empty),
            ("Tender", "SettingChanged") => Text(after, "evaluatorsSeePrices") == "True" || Text(after, "evaluatorsSeePrices") == "true"
                ? $"{who} let evaluators and moderators see the bids' prices."
                : $"{who} kept the bids' prices from evaluators and moderators.",
            ("Tender", "AssessmentSummariesSent") => $"{who} recorded that the assessment summaries were given to every assessed bidder on {Day(Text(after, "assessmentSummariesSentOn"))}.",
            ("Tender", "FurtherDecision") => $"{who} recorded that the further decision after representations was notified on {Day(Text(after, "furtherDecisionOn"))}.",
            ("TenderMembership", "Created") => $"{who} gave {Person(parts[0])} the {RoleWords(parts.ElementAtOrDefault(1))} role" + (Text(after, "evaluatorId") is { Length: > 0 } ev ? $" as {Evaluator(ev)} ({ev})." : "."),
            ("TenderMembership", "Removed") => $"{who} took the {RoleWords(parts.ElementAtOrDefault(1))} role away from {Person(parts[0])}.",
            ("Bid", "OrganisationLinked") => Text(after, "organisation") is { Length: > 0 } organisation
                ? $"{who} linked {Bid(e.Key)} to the provider organisation {organisation}."
                : $"{who} unlinked {Bid(e.Key)} from its provider organisation.",
            ("Bid", "Entered" or "EnteredLate") => $"{who} entered {Bid(e.Key)} for lot {LotWords(Text(after, "lot"), n)} by hand{(e.Action == "EnteredLate" ? ", after the bid deadline" : "")}.",
            ("Bid", "Submitted") => $"{who} submitted {Bid(e.Key)} for lot {LotWords(Text(after, "lot"), n)} from the response workbook {Text(after, "file")} (SHA-256 {Text(after, "sha256")}).",
            ("Bid", "Withdrawn") => $"{who} withdrew bid {e.Key} ({Text(before, "provider")}) for lot {LotWords(Text(before, "lot"), n)}" + (Text(before, "sha256") is { Length: > 0 } withdrawnSha ? $", received from the response workbook {Text(before, "file")} (SHA-256 {withdrawnSha})." : "."),
            ("Bid", "Replaced") => $"{who} replaced bid {e.Key} ({Text(before, "provider")}) for lot {LotWords(Text(before, "lot"), n)} with bid {Text(after, "bid")} from the response workbook {Text(after, "file")} (SHA-256 {Text(after, "sha256")}).",
            ("Invitation", "Created") => $"{who} invited {Text(after, "organisation")} to bid.",
            ("Invitation", "Removed") => $"{who} withdrew {Text(before, "organisation")}'s invitation to bid.",
            ("Bid", "Received" or "ReceivedLate") => $"{who} received {Bid(e.Key)} for lot {LotWords(Text(after, "lot"), n)}{(e.Action == "ReceivedLate" ? ", after the bid deadline," : "")} from the response workbook {Text(after, "file")} (SHA-256 {Text(after, "sha256")}).",
            ("EvaluatorScore", "Submitted") => $"{who} submitted {Text(after, "scores")} scores as {Evaluator(Text(after, "evaluatorId"))}.",
            ("EvaluatorScore", "Created") => $"{who} saved a draft score of {Text(after, "score")} for {Provider(parts.ElementAtOrDefault(1) ?? "")} on {Question(parts.ElementAtOrDefault(2) ?? "")}.",
            ("EvaluatorScore", "Changed") => $"{who} changed their draft score for {Provider(parts.ElementAtOrDefault(1) ?? "")} on {Question(parts.ElementAtOrDefault(2) ?? "")} from {Text(before, "score")} to {Text(after, "score")}.",
            ("ModeratedScore", _) => $"{who} recorded a consensus score of {Text(after, "score")} for {Provider(parts[0])} on {Question(parts.ElementAtOrDefault(1) ?? "")}" + (before is null ? "." : $", replacing {Text(before, "score")}."),
            ("GateDecision", _) => $"{who} recorded that {Provider(parts[0])} {(Text(after, "passed") is "True" or "true" ? "passes" : "fails")} gate {GateWords(parts.ElementAtOrDefault(1) ?? "", n)}.",
            ("LowPriceDecision", _) => Text(after, "outcome") == "Excluded"
                ? $"{who} excluded {Bid(e.Key)} for an abnormally low price, after asking the bidder to explain it."
                : $"{who} accepted {Provider(e.Key)}'s explanation of its price.",
            ("ConflictDeclaration", "Decided") => Text(after, "mayContinue") is "True" or "true"
                ? $"{who} let {Evaluator(e.Key)} score despite the conflict of interest they declared."
                : $"{who} stood {Evaluator(e.Key)} down from scoring because of the conflict of interest they declared.",
            ("ConflictDeclaration", _) => Text(after, "hasConflict") is "True" or "true"
                ? $"{who} declared a conflict of interest as {Evaluator(e.Key)}."
                : $"{who} declared no conflict of interest with any of the bidders, as {Evaluator(e.Key)}.",
            ("TenderSetup", "Changed") => $"{who} changed the set-up task \"{SetupTaskWords(e.Key)}\".",
            ("TenderSetup", "Marked") => Text(after, "completed").Contains($"\"{e.Key}\"", StringComparison.Ordinal)
                ? $"{who} marked the set-up task \"{SetupTaskWords(e.Key)}\" as completed."
                : $"{who} marked the set-up task \"{SetupTaskWords(e.Key)}\" as in progress.",
            ("AwardDecision", _) => $"{who} recorded the award of lot {LotWords(e.Key, n)} to {Provider(Text(after, "bidId"))}, approved by {Text(after, "ApprovedBy")} on {Day(Text(after, "ApprovedOn"))}.",
            _ => $"{who}: {e.Entity} {e.Action} ({e.Key}).",
        };
    }

    private static string StageWords(string stage) => Enum.TryParse<TenderStage>(stage, out var s)
        ? s switch
        {
            TenderStage.Draft => "Draft",
            TenderStage.OpenForBids => "Open for bids",
            TenderStage.Evaluation => "Evaluation",
            TenderStage.Moderation => "Moderation",
            TenderStage.AwardRecommended => "Award recommended",
            TenderStage.Standstill => "Standstill",
            TenderStage.Awarded => "Awarded",
            TenderStage.Closed => "Closed",
            TenderStage.Cancelled => "Cancelled",
            _ => stage,
        }
        : stage;

    private static string RoleWords(string? role) => role?.ToLowerInvariant() ?? "a";

    private static string GateWords(string id, AuditNames n) => n.Gates.TryGetValue(id, out var t) ? $"{id} ({t})" : id;

    private static string LotWords(string id, AuditNames n) => n.Lots.TryGetValue(id, out var t) ? $"{id} ({t})" : id;

    private static string Day(string iso) => DateOnly.TryParse(iso, CultureInfo.InvariantCulture, out var d) ? TenderLifecycle.Day(d) : iso;

    private static JsonElement? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<AuditValue> Values(string? json, AuditNames names)
    {
        var root = Read(json);
        if (root is not { ValueKind: JsonValueKind.Object } o)
        {
            return json is null ? [] : [new AuditValue("Value", json)];
        }

        var values = new List<AuditValue>();
        foreach (var property in o.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.Null => "none",
                JsonValueKind.True => "yes",
                JsonValueKind.False => "no",
                JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Object ? v.GetRawText() : v.ToString())),
                _ => property.Value.ToString(),
            };
            values.Add(new AuditValue(Label(property.Name), NameFor(property.Name, text, names)));
        }

        return values;
    }

    private static string NameFor(string property, string value, AuditNames n) => property.ToLowerInvariant() switch
    {
        "bidid" => n.Bids.TryGetValue(value, out var p) ? $"{p} ({value})" : value,
        "evaluatorid" or "moderatorid" or "decidedby" => n.Evaluators.TryGetValue(value, out var e) ? $"{e} ({value})" : value,
        "userid" => n.People.GetValueOrDefault(value, value),
        "organisationid" => n.Organisations.GetValueOrDefault(value, value),
        "stage" => StageWords(value),
        _ => value,
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sha256"] = "SHA-256 fingerprint of the file",
        ["characters"] = "Size of the file (characters)",
        ["format"] = "File format",
        ["evaluatorsSeePrices"] = "Evaluators and moderators see prices",
        ["bidId"] = "Bid",
        ["evaluatorId"] = "Evaluator",
        ["moderatorId"] = "Moderator",
        ["userId"] = "Person",
        ["organisationId"] = "Organisation",
    };

    private static string Label(string property)
    {
        if (Labels.TryGetValue(property, out var known))
        {
            return known;
        }

        // camelCase or PascalCase into words: "standstillEndsOn" becomes "Standstill ends on".
        var words = new System.Text.StringBuilder();
        foreach (var c in property)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString().Replace(" id", string.Empty, StringComparison.Ordinal);
    }
}

/// <summary>The tender's audit trail in plain English, oldest first, for its owner and observers.</summary>
/// <param name="contexts">Makes a context for each operation.</param>
public sealed class ReadAuditStory(ICommissioningContextFactory contexts)
{
    /// <summary>Every entry, described.</summary>
    public async Task<Outcome<IReadOnlyList<ReadableAuditEntry>>> HandleAsync(SiteUser user, Guid tenderId, CancellationToken cancel = default)
    {
        await using var db = contexts.Create();
        var access = await TenderGate.RequireAsync(db, user, tenderId, TenderOperation.ViewAudit, cancel).ConfigureAwait(false);
        if (!access.Succeeded)
        {
            return access.As<IReadOnlyList<ReadableAuditEntry>>();
        }

        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TenderId == tenderId).OrderBy(a => a.Id).ToListAsync(cancel).ConfigureAwait(false);
        var tender = await TenderLoader.DefinitionAsync(db, tenderId, cancel).ConfigureAwait(false);
        var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tenderId).Select(b => new { b.Key, b.Provider }).ToListAsync(cancel).ConfigureAwait(false);
        var memberUsers = await db.TenderMemberships.AsNoTracking().Where(m => m.TenderId == tenderId).Select(m => m.UserId).ToListAsync(cancel).ConfigureAwait(false);
        var userIds = rows.Where(r => r.UserId is not null).Select(r => r.UserId!).Concat(memberUsers).Concat(rows.Select(r => r.EntityKey.Split('/')[0])).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancel).ConfigureAwait(false);
        var evaluators = await TenderLoader.EvaluatorNamesAsync(db, tenderId, tender, cancel).ConfigureAwait(false);

        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(cancel).ConfigureAwait(false);
        var names = new AuditNames(
            bids.ToDictionary(b => b.Key, b => b.Provider, StringComparer.Ordinal),
            evaluators,
            people.ToDictionary(p => p.Id, p => p.DisplayName, StringComparer.Ordinal),
            tender.Lots.SelectMany(l => l.Sections).SelectMany(s => s.Questions).GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal),
            tender.Lots.SelectMany(l => l.Gates).GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal),
            tender.Lots.ToDictionary(l => l.Id, l => l.Title, StringComparer.Ordinal),
            organisations.ToDictionary(o => o.Id.ToString(), o => o.Name, StringComparer.OrdinalIgnoreCase));
        return Outcome<IReadOnlyList<ReadableAuditEntry>>.Success([.. rows.Select(r => AuditNarrative.Describe(AuditTrail.ToRecord(r), names))]);
    }
}
