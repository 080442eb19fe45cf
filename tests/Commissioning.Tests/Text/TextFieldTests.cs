using System.Text.Json.Nodes;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Tests.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Text;

/// <summary>
/// Every text field of the tender format is covered by the text rules: a control character put
/// into any string of a sample file that uses every field gives exactly one new message, naming
/// the field at its property path; a line break is refused in names, titles and ids and allowed
/// in the long text fields.
/// </summary>
public sealed class TextFieldTests
{
    // The tender format's fields that may run over several lines.
    private static readonly HashSet<string> MultiLineFields = new(StringComparer.Ordinal) { "rationale", "descriptor", "description", "text", "reason" };

    // Objects whose keys are data (requirement ids), not field names.
    private static readonly HashSet<string> Dictionaries = new(StringComparer.Ordinal) { "evidence", "subSpecialisms" };

    private static readonly string SampleFile = TenderFile.Write(SamplePack.Create());

    [Test]
    public void EveryTextFieldOfATender_RefusesAControlCharacter_WithOneMessageAtItsPath()
    {
        var baseline = Errors(SampleFile);
        var places = Places(JsonNode.Parse(SampleFile)!, "$").ToList();
        int textFields = 0, choicesAndDates = 0;

        Assert.Multiple(() =>
        {
            foreach (var place in places)
            {
                var read = TenderFile.Read(Inject(place, "\u001B"));
                if (!read.Succeeded)
                {
                    // A choice (enum) or a date: refused when the file is read, before any text rule.
                    Assert.That(place.IsKey, Is.False, place.Path);
                    choicesAndDates++;
                    continue;
                }

                var added = New(baseline, Validate(read.Value)).Where(e => e.Message.Contains("must be plain text", StringComparison.Ordinal)).ToList();
                Assert.That(added, Has.Count.EqualTo(1), $"{place.Path}: {string.Join(" | ", added.Select(a => a.Message))}");
                if (added.Count == 1)
                {
                    Assert.That(added[0].Message, Does.Contain("remove the control character (U+001B)"), place.Path);
                    if (!place.IsKey && !place.InDictionary)
                    {
                        Assert.That(added[0].Property.ToUpperInvariant(), Is.EqualTo(place.Path[2..].ToUpperInvariant()), "the error's location is the field's path");
                    }
                }

                textFields++;
            }
        });

        // The sample uses every field of the format; these counts change only when the format does.
        Assert.That(textFields, Is.EqualTo(ExpectedTextFields), "text fields checked");
        Assert.That(choicesAndDates, Is.EqualTo(ExpectedChoicesAndDates), "choices and dates checked");
    }

    [Test]
    public void LineBreaks_AreRefusedInNamesTitlesAndIds_AndAllowedInLongText()
    {
        var baseline = Errors(SampleFile);
        int oneLine = 0, multiLine = 0;

        Assert.Multiple(() =>
        {
            foreach (var place in Places(JsonNode.Parse(SampleFile)!, "$"))
            {
                var read = TenderFile.Read(Inject(place, "\n"));
                if (!read.Succeeded)
                {
                    continue;
                }

                var added = New(baseline, Validate(read.Value)).Where(e => e.Message.Contains("must be plain text", StringComparison.Ordinal)).ToList();
                if (!place.IsKey && MultiLineFields.Contains(place.Field))
                {
                    Assert.That(added, Is.Empty, place.Path);
                    multiLine++;
                }
                else
                {
                    Assert.That(added.Select(a => a.Message), Has.One.Contains("on one line: remove the line break (U+000A)"), place.Path);
                    oneLine++;
                }
            }
        });

        Assert.That(oneLine + multiLine, Is.EqualTo(ExpectedTextFields));
        Assert.That(multiLine, Is.EqualTo(ExpectedMultiLineFields));
    }

    // Counted by hand from SamplePack. Choices and dates: 8 a bid (SEQOHS status and date, ESR
    // status and date, three sub-specialism modes, consultant qualification) for 3 bids, 9 in the
    // two member profiles, the regime, the price method, the tie-break rule, the lot's three kinds
    // of weight unit (lot, sections, and questions in each of 2 sections), the quality method and
    // the low price decision's outcome. Long text: the regime's rationale, 5 scale descriptors,
    // 2 gate descriptions, 3 question texts, 6 answers, 3 score rationales, 1 moderation reason,
    // 1 gate decision reason, 1 low price decision reason. A new text field in the format changes
    // the first count: give it a text rule, then the count.
    private const int ExpectedTextFields = 132;
    private const int ExpectedChoicesAndDates = 42;
    private const int ExpectedMultiLineFields = 23;

    private sealed record Place(string Path, string Field, JsonNode Parent, string? Key, int? Index, bool IsKey, bool InDictionary);

    /// <summary>Every string value, and every key of a dictionary, except the file's format header.</summary>
    private static IEnumerable<Place> Places(JsonNode node, string path, string field = "", bool inDictionary = false)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var childPath = $"{path}.{key}";
                    if (path == "$" && key == "format")
                    {
                        continue;
                    }

                    var isDictionary = Dictionaries.Contains(field);
                    if (isDictionary)
                    {
                        yield return new Place(childPath, field, obj, key, null, IsKey: true, InDictionary: true);
                    }

                    if (value is not null)
                    {
                        foreach (var place in Places(value, childPath, key, inDictionary || isDictionary))
                        {
                            yield return place;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue item && item.TryGetValue<string>(out _))
                    {
                        yield return new Place($"{path}[{i}]", field, array, null, i, IsKey: false, inDictionary);
                    }
                    else if (array[i] is { } child)
                    {
                        foreach (var place in Places(child, $"{path}[{i}]", field, inDictionary))
                        {
                            yield return place;
                        }
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out _):
                yield return new Place(path, field, value.Parent!, field, null, IsKey: false, inDictionary);
                break;
        }
    }

    /// <summary>The sample file with <paramref name="text"/> put into the middle of one string or key.</summary>
    private static string Inject(Place place, string text)
    {
        var root = JsonNode.Parse(SampleFile)!;
        var parent = Find(root, place);
        static string Into(string s) => s.Length < 2 ? s + "{0}" : s[..(s.Length / 2)] + "{0}" + s[(s.Length / 2)..];
        if (place.IsKey)
        {
            var obj = parent.AsObject();
            var value = obj[place.Key!]!.DeepClone();
            obj.Remove(place.Key!);
            obj[string.Format(System.Globalization.CultureInfo.InvariantCulture, Into(place.Key!), text)] = value;
        }
        else if (place.Index is { } index)
        {
            parent.AsArray()[index] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Into(parent[index]!.GetValue<string>()), text);
        }
        else
        {
            parent[place.Key!] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Into(parent[place.Key!]!.GetValue<string>()), text);
        }

        return root.ToJsonString();
    }

    /// <summary>The same parent node in a fresh copy of the document, found by its path.</summary>
    private static JsonNode Find(JsonNode root, Place place)
    {
        var original = place.Parent.GetPath();
        return original == "$" ? root : Navigate(root, original);
    }

    private static JsonNode Navigate(JsonNode root, string path)
    {
        var node = root;
        foreach (var segment in System.Text.RegularExpressions.Regex.Matches(path, @"\.([A-Za-z0-9_-]+)|\['([^']+)'\]|\[(\d+)\]").Cast<System.Text.RegularExpressions.Match>())
        {
            node = segment.Groups[3].Success
                ? node[int.Parse(segment.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)]!
                : node[segment.Groups[1].Success ? segment.Groups[1].Value : segment.Groups[2].Value]!;
        }

        return node;
    }

    private static List<(string Property, string Message)> Errors(string json) => Validate(TenderFile.Read(json).Value);

    private static List<(string Property, string Message)> Validate(Commissioning.Core.Tenders.TenderPack pack) =>
        [.. new TenderPackValidator(Repository.Standards).Validate(pack).Errors.Select(e => (e.PropertyName, e.ErrorMessage))];

    private static IEnumerable<(string Property, string Message)> New(List<(string Property, string Message)> baseline, List<(string Property, string Message)> after)
    {
        var remaining = baseline.ToList();
        foreach (var error in after)
        {
            if (!remaining.Remove(error))
            {
                yield return error;
            }
        }
    }
}
