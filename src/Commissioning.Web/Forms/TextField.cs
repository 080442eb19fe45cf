namespace Commissioning.Web.Forms;

/// <summary>One NHS.UK text input with its label, hint and error, as <c>_TextField</c> renders it.</summary>
/// <param name="Id">The input's id (the error summary links to it).</param>
/// <param name="Name">The name it binds to, such as <c>Input.Email</c>.</param>
/// <param name="Label">The label.</param>
/// <param name="Value">The value to show back, or null (always null for a password).</param>
/// <param name="Error">The error message, or null.</param>
/// <param name="Type">The input type: <c>text</c>, <c>email</c> or <c>password</c>.</param>
/// <param name="Autocomplete">The autocomplete token, such as <c>username</c> or <c>new-password</c>.</param>
/// <param name="Hint">Hint text, or null.</param>
public sealed record TextField(string Id, string Name, string Label, string? Value, string? Error, string Type = "text", string? Autocomplete = null, string? Hint = null)
{
    /// <summary>The ids the input is described by: its hint and its error, when present.</summary>
    public string? DescribedBy =>
        string.Join(" ", new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.Where(s => s is not null)) is { Length: > 0 } s ? s : null;
}
