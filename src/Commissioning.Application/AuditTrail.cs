using System.Globalization;
using System.Text;
using Commissioning.Data;
using Commissioning.Data.Entities;

namespace Commissioning.Application;

/// <summary>Who is making a change: the account and the name shown in the audit trail.</summary>
/// <param name="UserId">The account's id, or null for the system (such as an import from the command line).</param>
/// <param name="Name">The name shown.</param>
public sealed record Actor(string? UserId, string Name)
{
    /// <summary>The toolkit itself, for changes no person made.</summary>
    public static Actor System { get; } = new(null, "The toolkit");
}

/// <summary>One entry of a tender's audit trail, as recorded.</summary>
/// <param name="Sequence">The order the entries were written in.</param>
/// <param name="At">When.</param>
/// <param name="UserId">The account that made the change, or null for the toolkit itself.</param>
/// <param name="UserName">The name shown for who made it.</param>
/// <param name="TenderId">The tender, if the change belongs to one.</param>
/// <param name="Entity">What kind of thing changed, such as <c>EvaluatorScore</c>.</param>
/// <param name="Key">Which one, such as <c>e1/bid-a/Q1.1</c>.</param>
/// <param name="Action">What was done, such as <c>Created</c> or <c>StageChanged</c>.</param>
/// <param name="Before">The value before, as JSON; null when it was created.</param>
/// <param name="After">The value after, as JSON; null when it was removed.</param>
/// <param name="Reason">Why, where a reason is required.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset At, string? UserId, string UserName, Guid? TenderId, string Entity, string Key, string Action, string? Before, string? After, string? Reason);

/// <summary>Writes audit entries into the same context as the change, so both are saved in one transaction; and exports them.</summary>
public static class AuditTrail
{
    /// <summary>Adds an entry to the context; it is saved with the change it records.</summary>
    public static AuditEntryRow Add(CommissioningDbContext db, TimeProvider time, Actor actor, Guid? tenderId, string entity, string key, string action, string? before, string? after, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new AuditEntryRow
        {
            At = time.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.Name,
            TenderId = tenderId,
            Entity = entity,
            EntityKey = key,
            Action = action,
            Before = before,
            After = after,
            Reason = reason,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>An entry as the application gives it to its callers.</summary>
    public static AuditRecord ToRecord(AuditEntryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.At, row.UserId, row.UserName, row.TenderId, row.Entity, row.EntityKey, row.Action, row.Before, row.After, row.Reason);
    }

    /// <summary>The columns of the CSV export, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = ["Sequence", "When (UTC)", "Who", "User id", "Tender", "What", "Which", "Action", "Before", "After", "Reason"];

    /// <summary>
    /// The entries as CSV (RFC 4180: commas, double quotes doubled, CRLF line ends). A cell that
    /// starts with <c>= + - @</c>, a tab, a carriage return or another control character is
    /// given a leading <c>'</c>, so a spreadsheet shows it as text and never runs it as a formula.
    /// </summary>
    public static string ToCsv(IEnumerable<AuditRecord> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder();
        Line(csv, CsvColumns);
        foreach (var e in entries)
        {
            Line(csv,
            [
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                e.UserName,
                e.UserId ?? string.Empty,
                e.TenderId?.ToString() ?? string.Empty,
                e.Entity,
                e.Key,
                e.Action,
                e.Before ?? string.Empty,
                e.After ?? string.Empty,
                e.Reason ?? string.Empty,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One cell, neutralised and quoted as needed.</summary>
    public static string CsvCell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && (value[0] is '=' or '+' or '-' or '@' || char.IsControl(value[0])))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(CsvCell(cells[i]));
        }

        csv.Append("\r\n");
    }
}
