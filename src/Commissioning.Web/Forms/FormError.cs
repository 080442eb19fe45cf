using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commissioning.Web.Forms;

/// <summary>An error as the error summary shows it: the message and the id of the field it links to.</summary>
public sealed record FormError(string FieldId, string Message)
{
    /// <summary>
    /// The errors in ModelState, in the order of the form's fields. <paramref name="fields"/> maps each
    /// ModelState key to the id of the input the summary should link to.
    /// </summary>
    public static IReadOnlyList<FormError> From(ModelStateDictionary modelState, IReadOnlyList<(string Key, string FieldId)> fields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<FormError>();
        foreach (var (key, fieldId) in fields)
        {
            foreach (var entry in modelState.Where(e => e.Key == key || e.Key.StartsWith(key + "[", StringComparison.Ordinal)))
            {
                errors.AddRange(entry.Value!.Errors.Select(e => new FormError(fieldId, e.ErrorMessage)));
            }
        }

        // Anything not mapped (should not happen) still shows, linked to the top of the form.
        var known = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in modelState.Where(e => !known.Any(k => e.Key == k || e.Key.StartsWith(k + "[", StringComparison.Ordinal))))
        {
            errors.AddRange(entry.Value!.Errors.Select(e => new FormError("maincontent", e.ErrorMessage)));
        }

        return errors;
    }
}
