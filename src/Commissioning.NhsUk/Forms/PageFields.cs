using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commissioning.NhsUk.Forms;

/// <summary>
/// The fields the page's components have drawn, in page order: the key each reads its errors
/// from in ModelState, and the id the error summary should link to. One per request; the
/// components fill it as the page is drawn, and the error summary (drawn from the layout, after
/// the page) reads it.
/// </summary>
public sealed class PageFields
{
    private readonly List<(string Key, string Id)> _fields = [];

    /// <summary>The fields in the order they were drawn.</summary>
    public IReadOnlyList<(string Key, string Id)> Fields => _fields;

    /// <summary>True once a page has drawn an error summary of its own (with items it chose), so the title says "Error".</summary>
    public bool SummaryShown { get; set; }

    /// <summary>The page's fields for this request.</summary>
    public static PageFields For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(PageFields)] is not PageFields fields)
        {
            fields = new PageFields();
            context.Items[typeof(PageFields)] = fields;
        }

        return fields;
    }

    /// <summary>Records a field; the first id given for a key is kept.</summary>
    public void Register(string key, string id)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(id);
        if (!_fields.Exists(f => f.Key == key))
        {
            _fields.Add((key, id));
        }
    }

    /// <summary>
    /// The id an error under <paramref name="key"/> should link to: the field with that key; else,
    /// for a key that names a whole form or a part of a field (<c>Stage</c>, <c>Link.Versions</c>),
    /// the first field under the nearest enclosing name; null when the page drew no such field.
    /// </summary>
    public string? LinkFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var (fieldKey, id) in _fields)
        {
            if (fieldKey == key)
            {
                return id;
            }
        }

        for (var prefix = key; ; prefix = Parent(prefix))
        {
            foreach (var (fieldKey, id) in _fields)
            {
                if (prefix.Length == 0 || fieldKey.StartsWith(prefix + ".", StringComparison.Ordinal) || fieldKey.StartsWith(prefix + "[", StringComparison.Ordinal))
                {
                    return id;
                }
            }

            if (prefix.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The errors in ModelState as the error summary lists them: one a field, the one the field
    /// shows beside it (its first), in the order the fields were drawn, then any others; each with
    /// the id it links to, if any.
    /// </summary>
    public IReadOnlyList<(string Message, string? Id)> Errors(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var entries = modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors)).ToList();
        int Place(string key)
        {
            var index = _fields.FindIndex(f => f.Key == key);
            if (index >= 0)
            {
                return index;
            }

            var link = LinkFor(key);
            index = link is null ? -1 : _fields.FindIndex(f => f.Id == link);
            return index >= 0 ? index : int.MaxValue;
        }

        return [.. entries
            .Select((e, order) => (e.Key, e.Errors, Place: Place(e.Key), Order: order))
            .OrderBy(e => e.Place).ThenBy(e => e.Order)
            .Select(e => (e.Errors[0].ErrorMessage, LinkFor(e.Key)))
            .Distinct()];
    }

    private static string Parent(string key)
    {
        var cut = Math.Max(key.LastIndexOf('.'), key.LastIndexOf('['));
        return cut <= 0 ? string.Empty : key[..cut];
    }
}
