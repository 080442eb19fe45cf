namespace Commissioning.Web.Infrastructure;

/// <summary>
/// An id or name cut short for a heading, a table cell or a confirmation. Ids come from files and
/// may be very long; a confirmation travels in a cookie, and a cookie of 100,000 characters would
/// push the sign-in cookie out of the browser.
/// </summary>
public static class ShortText
{
    /// <summary>The text, or its first <paramref name="maximum"/> characters and an ellipsis.</summary>
    public static string Of(string? text, int maximum = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 2);
        if (string.IsNullOrEmpty(text) || text.Length <= maximum)
        {
            return text ?? string.Empty;
        }

        return text[..(maximum - 1)] + "…";
    }
}
