namespace Commissioning.Tests.Support;

/// <summary>
/// The system's clock moved on by an offset the test sets: today's date until the test moves it,
/// so sign-in cookies and keys made by the real clock stay valid, and the site's "today" can jump
/// past a standstill period.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    /// <summary>How far ahead of the system's clock this clock runs.</summary>
    public TimeSpan Offset { get; set; }

    /// <summary>Today by this clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
