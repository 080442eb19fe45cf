using FluentValidation;

namespace Commissioning.Core.Text;

/// <summary>The text rules (<see cref="TextRules"/>) as FluentValidation rules, so every validator applies them the same way.</summary>
public static class TextRuleExtensions
{
    /// <summary>
    /// The value must be plain text of the given shape. The message names the field with
    /// <paramref name="field"/> (given the object the property belongs to) and says which character
    /// to remove and where. Null and empty values pass: whether a field is required is a separate rule.
    /// </summary>
    /// <param name="rule">The rule being built.</param>
    /// <param name="shape">One line, or several.</param>
    /// <param name="field">The field in words, such as "The title of lot lot-1".</param>
    /// <param name="fullStop">Whether the message ends with a full stop, to match the messages around it.</param>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, TextShape shape, Func<T, string> field, bool fullStop = true)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(field);
        return rule
            .Must(value => TextRules.Check(value, shape) is null)
            .WithMessage((parent, value) => TextRules.Message(field(parent), TextRules.Check(value, shape)!, shape) + (fullStop ? "." : string.Empty));
    }

    /// <summary>
    /// The value must be plain text of the given shape; for rules on the items of a list or the
    /// keys of a dictionary, where the item itself is needed to name it.
    /// </summary>
    /// <param name="rule">The rule being built.</param>
    /// <param name="shape">One line, or several.</param>
    /// <param name="field">The field in words, given the parent object and the value.</param>
    /// <param name="fullStop">Whether the message ends with a full stop.</param>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, TextShape shape, Func<T, string?, string> field, bool fullStop = true)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(field);
        return rule
            .Must(value => TextRules.Check(value, shape) is null)
            .WithMessage((parent, value) => TextRules.Message(field(parent, value), TextRules.Check(value, shape)!, shape) + (fullStop ? "." : string.Empty));
    }

    /// <summary>How an id or name is quoted inside a message: in single quotes, with anything the text rules refuse escaped.</summary>
    public static string Quoted(string? value) => $"'{TextRules.Escape(value)}'";
}
