namespace Commissioning.Core.Tenders;

/// <summary>One point of a scoring scale with its descriptor.</summary>
public sealed record ScaleLevel
{
    /// <summary>The score.</summary>
    public required int Score { get; init; }
    /// <summary>A one- or two-word label, such as "Good".</summary>
    public required string Label { get; init; }
    /// <summary>What an answer must show to earn it.</summary>
    public required string Descriptor { get; init; }
}

/// <summary>A whole-number scale from 0 to a maximum, with descriptors for its levels.</summary>
public sealed record ScoringScale
{
    /// <summary>The highest score.</summary>
    public required int Maximum { get; init; }
    /// <summary>Descriptors, from 0 to the maximum. A long scale describes anchor points only.</summary>
    public required IReadOnlyList<ScaleLevel> Levels { get; init; }

    /// <summary>The level a score names, or null where the scale describes no level at that score.</summary>
    public ScaleLevel? LevelOf(decimal score) => Levels.FirstOrDefault(l => l.Score == score);

    /// <summary>The default scale: 0 to 4, unacceptable to excellent.</summary>
    public static ScoringScale ZeroToFour { get; } = new()
    {
        Maximum = 4,
        Levels =
        [
            new() { Score = 0, Label = "Unacceptable", Descriptor = "No answer, or an answer that does not address the requirement." },
            new() { Score = 1, Label = "Poor", Descriptor = "Addresses the requirement only in part, with significant gaps or little evidence." },
            new() { Score = 2, Label = "Satisfactory", Descriptor = "Meets the requirement, with some evidence; minor gaps." },
            new() { Score = 3, Label = "Good", Descriptor = "Meets the requirement fully, with clear evidence of how it will be delivered." },
            new() { Score = 4, Label = "Excellent", Descriptor = "Meets the requirement fully, with strong evidence and added value beyond it." },
        ],
    };

    /// <summary>0 to 5.</summary>
    public static ScoringScale ZeroToFive { get; } = new()
    {
        Maximum = 5,
        Levels =
        [
            new() { Score = 0, Label = "Unacceptable", Descriptor = "No answer, or an answer that does not address the requirement." },
            new() { Score = 1, Label = "Very poor", Descriptor = "Addresses little of the requirement, with no evidence." },
            new() { Score = 2, Label = "Poor", Descriptor = "Addresses the requirement only in part, with significant gaps." },
            new() { Score = 3, Label = "Satisfactory", Descriptor = "Meets the requirement, with some evidence; minor gaps." },
            new() { Score = 4, Label = "Good", Descriptor = "Meets the requirement fully, with clear evidence." },
            new() { Score = 5, Label = "Excellent", Descriptor = "Meets the requirement fully, with strong evidence and added value." },
        ],
    };

    /// <summary>0 to 10, described at anchor points.</summary>
    public static ScoringScale ZeroToTen { get; } = Anchored(10);

    /// <summary>0 to 100, described at anchor points.</summary>
    public static ScoringScale ZeroToHundred { get; } = Anchored(100);

    /// <summary>The descriptor that applies to a score: the highest level at or below it.</summary>
    public ScaleLevel LevelFor(decimal score) =>
        Levels.Where(l => l.Score <= score).OrderByDescending(l => l.Score).FirstOrDefault() ?? Levels[0];

    private static ScoringScale Anchored(int maximum) => new()
    {
        Maximum = maximum,
        Levels =
        [
            new() { Score = 0, Label = "Unacceptable", Descriptor = "No answer, or an answer that does not address the requirement." },
            new() { Score = maximum / 4, Label = "Poor", Descriptor = "Addresses the requirement only in part, with significant gaps." },
            new() { Score = maximum / 2, Label = "Satisfactory", Descriptor = "Meets the requirement, with some evidence; minor gaps." },
            new() { Score = maximum * 3 / 4, Label = "Good", Descriptor = "Meets the requirement fully, with clear evidence." },
            new() { Score = maximum, Label = "Excellent", Descriptor = "Meets the requirement fully, with strong evidence and added value." },
        ],
    };
}
