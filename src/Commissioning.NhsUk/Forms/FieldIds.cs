using System.Text;

namespace Commissioning.NhsUk.Forms;

/// <summary>
/// The id a field gets from the name it is sent as, so that a page never chooses ids by hand and
/// the error summary can find them: words split at capitals, dots and brackets, joined by
/// hyphens, in lower case (<c>Stage.NoticesSentOn</c> becomes <c>stage-notices-sent-on</c>). A
/// page's main form binds a property called <c>Input</c>, as Razor Pages does by convention; that
/// first word is left out (<c>Input.DisplayName</c> becomes <c>display-name</c>).
/// </summary>
public static class FieldIds
{
    private const string MainForm = "Input.";

    /// <summary>The id for a field name.</summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith(MainForm, StringComparison.Ordinal) && name.Length > MainForm.Length)
        {
            name = name[MainForm.Length..];
        }

        var id = new StringBuilder(name.Length + 8);
        var previous = '-';
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                var startsWord = char.IsAsciiLetterUpper(c) && i > 0
                    && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1])));
                if (startsWord && previous != '-')
                {
                    id.Append('-');
                }

                id.Append(char.ToLowerInvariant(c));
                previous = c;
            }
            else if (previous != '-')
            {
                id.Append('-');
                previous = '-';
            }
        }

        var result = id.ToString().Trim('-');
        return result.Length == 0 ? "field" : result;
    }
}
