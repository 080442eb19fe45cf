using System.Text.RegularExpressions;

namespace Commissioning.Core.Tenders.Setup;

/// <summary>The tasks of setting up a tender in the site, in the order the task list shows them.</summary>
public enum SetupTask
{
    /// <summary>Title, reference, regime, procedure and the reason for them.</summary>
    Details,
    /// <summary>The organisations the tender buys for, each with its profile.</summary>
    Members,
    /// <summary>The lots and which members each serves.</summary>
    Lots,
    /// <summary>The sections and questions of each lot, with their weights.</summary>
    AwardCriteria,
    /// <summary>The pass or fail criteria of each lot.</summary>
    Gates,
    /// <summary>The scoring scale, the spread that calls for moderation, and the minimum scores.</summary>
    ScaleAndThresholds,
    /// <summary>Quality and price weights, the price model, the abnormally low price rule, the quality method and the tie-break.</summary>
    PriceAndScoring,
    /// <summary>The clarification deadline and the bid deadline.</summary>
    KeyDates,
    /// <summary>Evaluators and moderators, and what each scores.</summary>
    People,
}

/// <summary>Where a task stands, in the words of the NHS task list pattern.</summary>
public enum SetupStatus
{
    /// <summary>Another task must be completed first.</summary>
    CannotStartYet,
    /// <summary>Nothing entered yet.</summary>
    NotStarted,
    /// <summary>Something entered, but problems remain or the owner has not said it is complete.</summary>
    InProgress,
    /// <summary>No problems, and the owner has said it is complete.</summary>
    Completed,
}

/// <summary>One problem that stops the tender being published, with the task that fixes it.</summary>
/// <param name="Task">The task.</param>
/// <param name="Path">Where in the tender the problem is (the validator's property path).</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record SetupProblem(SetupTask Task, string Path, string Message);

/// <summary>A task with its status and its problems.</summary>
/// <param name="Task">The task.</param>
/// <param name="Status">Its status.</param>
/// <param name="Problems">What is wrong in it; empty when nothing is.</param>
/// <param name="WaitsFor">The tasks to complete first when it cannot start yet.</param>
public sealed record SetupTaskState(SetupTask Task, SetupStatus Status, IReadOnlyList<SetupProblem> Problems, IReadOnlyList<SetupTask> WaitsFor);

/// <summary>
/// The task list of a tender being set up: which task each problem of the tender's validation
/// belongs to, and each task's status. Pure: the caller validates the tender and says which tasks
/// the owner has marked complete.
/// </summary>
/// <remarks>
/// The statuses follow the NHS digital service manual's task list: a task is completed only when
/// the owner says so and nothing in it is wrong; a task whose inputs come from other tasks cannot
/// start until those are completed (the toolkit's judgement: criteria drafted for a lot whose
/// members are still changing would be drafted again).
/// </remarks>
public static partial class TenderSetup
{
    /// <summary>The tasks every task needs completed first.</summary>
    public static IReadOnlyList<SetupTask> Prerequisites(SetupTask task) => task switch
    {
        SetupTask.Lots => [SetupTask.Members],
        // Everything else is set lot by lot, so it waits for the lots; it does not wait for the
        // criteria to add up (a weight still being worked on should not hold up the panel).
        SetupTask.AwardCriteria or SetupTask.Gates or SetupTask.PriceAndScoring or SetupTask.ScaleAndThresholds or SetupTask.People => [SetupTask.Lots],
        _ => [],
    };

    /// <summary>The task that fixes a problem found at a property path of <see cref="Tender"/>, such as <c>Lots[0].Sections[1].Weight</c>.</summary>
    public static SetupTask TaskOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("Members", StringComparison.Ordinal))
        {
            return SetupTask.Members;
        }

        if (path is "ClarificationDeadline" or "BidDeadline")
        {
            return SetupTask.KeyDates;
        }

        if (path.StartsWith("Scale", StringComparison.Ordinal) || path == "SpreadFlag")
        {
            return SetupTask.ScaleAndThresholds;
        }

        if (path.StartsWith("Evaluators", StringComparison.Ordinal) || path.StartsWith("Assignments", StringComparison.Ordinal))
        {
            return SetupTask.People;
        }

        var lot = LotPath().Match(path);
        if (!lot.Success)
        {
            return path.StartsWith("Lots", StringComparison.Ordinal) ? SetupTask.Lots : SetupTask.Details;
        }

        var rest = lot.Groups["rest"].Value;
        return rest switch
        {
            "" or ".Id" or ".Title" => SetupTask.Lots,
            _ when rest.StartsWith(".MemberIds", StringComparison.Ordinal) => SetupTask.Lots,
            _ when rest.StartsWith(".Gates", StringComparison.Ordinal) => SetupTask.Gates,
            ".MinimumQualityPercent" => SetupTask.ScaleAndThresholds,
            _ when rest.EndsWith(".MinimumPercent", StringComparison.Ordinal) || rest.EndsWith(".MinimumScore", StringComparison.Ordinal) => SetupTask.ScaleAndThresholds,
            // The criteria page sets quality against price as well as the sections and questions.
            _ when rest.StartsWith(".Sections", StringComparison.Ordinal) || rest is ".SectionWeights" or ".QualityWeight" or ".PriceWeight" or ".Weights" => SetupTask.AwardCriteria,
            _ => SetupTask.PriceAndScoring,
        };
    }

    /// <summary>The problems of a tender, each with its task, in the validator's order.</summary>
    /// <param name="failures">The validator's failures as (property path, message).</param>
    public static IReadOnlyList<SetupProblem> Problems(IEnumerable<(string Path, string Message)> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return [.. failures.Select(f => new SetupProblem(TaskOf(f.Path), f.Path, f.Message))];
    }

    /// <summary>
    /// What a tender set up in the site must have beyond what a tender file must: both deadlines,
    /// so that bidders know when to ask and when to bid, and declarations are judged at a known day.
    /// (Files from before version 4 have no dates, so the file's own check cannot ask for them.)
    /// </summary>
    public static IReadOnlyList<SetupProblem> SiteProblems(Tender tender)
    {
        ArgumentNullException.ThrowIfNull(tender);
        var problems = new List<SetupProblem>();
        if (tender.ClarificationDeadline is null)
        {
            problems.Add(new SetupProblem(SetupTask.KeyDates, "ClarificationDeadline", "Enter the last day bidders may ask clarification questions"));
        }

        if (tender.BidDeadline is null)
        {
            problems.Add(new SetupProblem(SetupTask.KeyDates, "BidDeadline", "Enter the bid deadline"));
        }

        return problems;
    }

    /// <summary>Every task with its status.</summary>
    /// <param name="tender">The tender being set up.</param>
    /// <param name="problems">Its problems (from <see cref="Problems"/>).</param>
    /// <param name="completed">The tasks the owner has marked complete.</param>
    public static IReadOnlyList<SetupTaskState> Assess(Tender tender, IReadOnlyList<SetupProblem> problems, IReadOnlySet<SetupTask> completed)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(completed);
        var states = new Dictionary<SetupTask, SetupTaskState>();
        foreach (var task in Enum.GetValues<SetupTask>())
        {
            var mine = problems.Where(p => p.Task == task).ToList();
            var waitsFor = Prerequisites(task).Where(p => states[p].Status != SetupStatus.Completed).ToList();
            // Marked complete with nothing wrong is completed even with nothing entered: a tender
            // from a file before version 4 has no key dates, and a lot may rightly have no gates.
            var status = waitsFor.Count > 0 ? SetupStatus.CannotStartYet
                : mine.Count == 0 && completed.Contains(task) ? SetupStatus.Completed
                : !Started(tender, task) ? SetupStatus.NotStarted
                : SetupStatus.InProgress;
            states[task] = new SetupTaskState(task, status, mine, waitsFor);
        }

        return [.. states.Values];
    }

    /// <summary>True when the tender may be published: no problems and every task completed.</summary>
    public static bool ReadyToPublish(IReadOnlyList<SetupTaskState> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return tasks.All(t => t.Status == SetupStatus.Completed);
    }

    /// <summary>True when something has been entered for the task.</summary>
    public static bool Started(Tender tender, SetupTask task)
    {
        ArgumentNullException.ThrowIfNull(tender);
        return task switch
        {
            SetupTask.Details => !string.IsNullOrWhiteSpace(tender.Title),
            SetupTask.Members => tender.Members.Count > 0,
            SetupTask.Lots => tender.Lots.Count > 0,
            SetupTask.AwardCriteria => tender.Lots.Any(l => l.Sections.Count > 0),
            // A lot may rightly have no gates; the task has started once there are lots to set them for.
            SetupTask.Gates or SetupTask.PriceAndScoring => tender.Lots.Count > 0,
            // Every tender has a scale from the start (the toolkit's default until changed).
            SetupTask.ScaleAndThresholds => true,
            SetupTask.KeyDates => tender.ClarificationDeadline is not null || tender.BidDeadline is not null,
            SetupTask.People => tender.Evaluators.Count > 0,
            _ => false,
        };
    }

    /// <summary>The task's name on the task list.</summary>
    public static string Describe(SetupTask task) => task switch
    {
        SetupTask.Details => "Tender details",
        SetupTask.Members => "Member organisations",
        SetupTask.Lots => "Lots",
        SetupTask.AwardCriteria => "Award criteria",
        SetupTask.Gates => "Gates",
        SetupTask.ScaleAndThresholds => "Scale and thresholds",
        SetupTask.PriceAndScoring => "Price and scoring",
        SetupTask.KeyDates => "Key dates",
        SetupTask.People => "Evaluators and moderators",
        _ => task.ToString(),
    };

    /// <summary>The status in words, as the task list shows it.</summary>
    public static string Describe(SetupStatus status) => status switch
    {
        SetupStatus.CannotStartYet => "Cannot start yet",
        SetupStatus.NotStarted => "Not started",
        SetupStatus.InProgress => "In progress",
        SetupStatus.Completed => "Completed",
        _ => status.ToString(),
    };

    [GeneratedRegex(@"^Lots\[\d+\](?<rest>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LotPath();
}
