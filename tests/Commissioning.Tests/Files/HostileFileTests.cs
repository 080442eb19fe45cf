using System.Text;
using Commissioning.Core.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Files;

/// <summary>
/// Bytes and JSON that a careless or hostile user can hand the toolkit: each gives one plain
/// message saying what is wrong and where, never an exception.
/// </summary>
public sealed class HostileFileTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    // Bytes, and the text they decode to or the message they give.
    private static readonly (string Name, byte[] Bytes, string? Text, string? Message)[] Decodings =
    [
        ("plain UTF-8", Utf8("{ \"a\": \"Zoë £5\" }\r\n\t"), "{ \"a\": \"Zoë £5\" }\r\n\t", null),
        ("UTF-8 with a byte order mark", Join([0xEF, 0xBB, 0xBF], Utf8("{}")), "{}", null),
        ("UTF-16 little-endian with a byte order mark", Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("{ \"a\": \"é\" }")), "{ \"a\": \"é\" }", null),
        ("UTF-16 big-endian with a byte order mark", Join([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes("{}")), "{}", null),
        ("empty", [], string.Empty, null),
        ("UTF-16 little-endian without a byte order mark", Encoding.Unicode.GetBytes("{ \"format\": \"oh-tender\" }"), null,
            "The file looks like UTF-16 text saved without a byte order mark (every other byte is zero). Save it as UTF-8."),
        ("UTF-16 big-endian without a byte order mark", Encoding.BigEndianUnicode.GetBytes("{ \"format\": \"oh-tender\" }"), null,
            "The file looks like UTF-16 text saved without a byte order mark (every other byte is zero). Save it as UTF-8."),
        ("UTF-32 with a byte order mark", Join([0xFF, 0xFE, 0x00, 0x00], Encoding.UTF32.GetBytes("{}")), null,
            "The file is saved as UTF-32 text. Save it as UTF-8."),
        ("binary starting with NUL", [0x00, 0x01, 0x02, 0xFF, 0x7B], null,
            "The file is not a text file: the byte at offset 0 (line 1, position 1) is the control character 0x00. Check that this is the file you meant; it should be text saved as UTF-8."),
        ("an escape character on line 2", Utf8("{\n  \"é\": \u001B[2J }"), null,
            "The file is not a text file: the byte at offset 10 (line 2, position 8) is the control character 0x1B. Check that this is the file you meant; it should be text saved as UTF-8."),
        ("the start of a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], null,
            "The file is not a text file: the byte at offset 6 (line 2, position 1) is the control character 0x1A. Check that this is the file you meant; it should be text saved as UTF-8."),
        ("UTF-16 cut off in the middle of a character", Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("{}"), [0x7D]), null,
            "The file starts as UTF-16 text but ends in the middle of a character (byte offset 6). Save it as UTF-8."),
        ("random bytes that are neither", [0xC3, 0x28, 0x41, 0x0C, 0x7B], null,
            "The file is not a text file: the byte at offset 3 (line 1, position 4) is the control character 0x0C. Check that this is the file you meant; it should be text saved as UTF-8."),
        ("Latin-1", Join(Utf8("{ \"name\": \"Caf"), [0xE9], Utf8("\" }")), null,
            "The file is not valid UTF-8 text: the byte at offset 14 (line 1, position 15) is 0xE9, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8."),
        ("Windows-1252 after UTF-8 on line 3", Join(Utf8("{\n\"é\":\n\"£"), [0x80], Utf8("\"}")), null,
            "The file is not valid UTF-8 text: the byte at offset 11 (line 3, position 3) is 0x80, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8."),
        ("a surrogate encoded as UTF-8 (CESU-8)", Join(Utf8("\"a"), [0xED, 0xA0, 0x80], Utf8("\"")), null,
            "The file is not valid UTF-8 text: the byte at offset 2 (line 1, position 3) is 0xED, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8."),
        ("a character cut short at the end", Join(Utf8("\"a\""), [0xE2, 0x82]), null,
            "The file is not valid UTF-8 text: the byte at offset 3 (line 1, position 4) is 0xE2, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8."),
        ("UTF-16 with half a character", Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("ab"), [0x00, 0xD8], Encoding.Unicode.GetBytes("c")), null,
            "The file starts as UTF-16 text but is not valid UTF-16: the two bytes at offset 6 are half of a character. Save it as UTF-8."),
        ("UTF-16 with a control character", Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("{\n \u0007}")), null,
            "The file is not a text file: line 2, position 2 is the control character 0x07. Check that this is the file you meant; it should be text saved as UTF-8."),
    ];

    [Test]
    public void Utf8Text_EachKindOfBytes_AgreesWithDecode()
    {
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, bytes, text, message) in Decodings)
            {
                var result = FileText.Utf8Text(bytes);
                if (message is null)
                {
                    Assert.That(result.Succeeded, Is.True, name);
                    Assert.That(result.Succeeded ? Encoding.UTF8.GetString(result.Value.Span) : null, Is.EqualTo(text), name);
                }
                else
                {
                    Assert.That(result.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[] { ("$", message) }), name);
                }

                checkedCases++;
            }
        });

        Assert.That(checkedCases, Is.EqualTo(19));
    }

    [Test]
    public void ReadUtf8_EachKindOfText_GivesWhatReadingTheStringGives()
    {
        var sample = TenderFile.Write(SamplePack.Create());
        var texts = new (string Name, string Text)[]
        {
            ("a valid tender", sample),
            ("a byte order mark left in the text", "\uFEFF" + sample),
            ("two byte order marks", "\uFEFF\uFEFF" + sample),
            ("empty", string.Empty),
            ("white space only", " \r\n\t "),
            ("no-break spaces only", "\u00A0\u2003"),
            ("a byte order mark then white space", "\uFEFF \n"),
            ("a trailing comma", sample.Replace("\"bids\": [", "\"bids\": [,", StringComparison.Ordinal)),
            ("an unknown field", sample.Replace("\"tender\": {", "\"tender\": { \"colour\": \"blue\",", StringComparison.Ordinal)),
            ("another format", "{ \"format\": \"oh-profiles\", \"version\": 1 }"),
            ("half a surrogate pair", "{ \"format\": \"oh-tender\", \"version\": 2, \"x\": \"\\ud800\" }"),
            ("not an object", "[1, 2]"),
        };
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, text) in texts)
            {
                var fromString = TenderFile.Read(text);
                var fromBytes = TenderFile.Read(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(text)));
                Assert.That(fromBytes.Succeeded, Is.EqualTo(fromString.Succeeded), name);
                Assert.That(fromBytes.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(fromString.Problems.Select(p => (p.Path, p.Message))), name);
                if (fromString.Succeeded && fromBytes.Succeeded)
                {
                    Assert.That(TenderFile.Write(fromBytes.Value), Is.EqualTo(TenderFile.Write(fromString.Value)), name);
                }

                checkedCases++;
            }
        });

        // The valid tender, with and without byte order marks, read; the rest were refused.
        Assert.That(checkedCases, Is.EqualTo(12));
        Assert.That(texts.Count(t => TenderFile.Read(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(t.Text))).Succeeded), Is.EqualTo(3));
    }

    [Test]
    public void Decode_EachKindOfBytes_GivesTheTextOrThePlainProblem()
    {
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, bytes, text, message) in Decodings)
            {
                var result = FileText.Decode(bytes);
                if (message is null)
                {
                    Assert.That(result.Succeeded, Is.True, name);
                    Assert.That(result.Succeeded ? result.Value : null, Is.EqualTo(text), name);
                }
                else
                {
                    Assert.That(result.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(new[] { ("$", message) }), name);
                }

                checkedCases++;
            }
        });

        Assert.That(checkedCases, Is.EqualTo(19));
    }

    private static readonly string Profiles = ProfilesFile.Write([Support.Profiles.GpPractice()]);

    /// <summary>The one-organisation profiles file with the value of <paramref name="field"/> replaced by raw JSON.</summary>
    private static string Replace(string field, string json)
    {
        var start = Profiles.IndexOf($"\"{field}\": ", StringComparison.Ordinal) + field.Length + 4;
        var end = Profiles.IndexOfAny([',', '\n'], start);
        return Profiles[..start] + json + Profiles[end..];
    }

    // Where the reader stops in 70 nested lists: the 64th level counting the file's own object, list and organisation.
    private static readonly string Deep = "$.organisations[0].populationHealthNeeds" + string.Concat(Enumerable.Repeat("[0]", 60));

    // A file's text, and every problem it must give as (path, message).
    private static readonly (string Name, Func<string> Json, (string Path, string Message)[] Problems)[] JsonCases =
    [
        ("half a character in a name", () => Replace("name", "\"North\\ud800gate\""),
            [("$.organisations[0].name", "$.organisations[0].name holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("the second half alone", () => Replace("name", "\"North\\uDC00gate\""),
            [("$.organisations[0].name", "$.organisations[0].name holds \\uDC00, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("halves in the wrong order", () => Replace("name", "\"\\udc00\\ud800\""),
            [("$.organisations[0].name", "$.organisations[0].name holds \\udc00, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("a first half before an ordinary escape", () => Replace("name", "\"\\\\\\ud800\\u0041\""),
            [("$.organisations[0].name", "$.organisations[0].name holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("half a character in a list", () => Replace("populationHealthNeeds", "[\"Obesity\", \"x\\ud83c\"]"),
            [("$.organisations[0].populationHealthNeeds[1]", "$.organisations[0].populationHealthNeeds[1] holds \\ud83c, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("half a character in a field name", () => Profiles.Replace("\"headcount\"", "\"head\\ud800count\"", StringComparison.Ordinal),
            [("$.organisations[0]", "A field name in $.organisations[0] holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("half a character in the format", () => Profiles.Replace("\"oh-profiles\"", "\"oh-\\ud800\"", StringComparison.Ordinal),
            [("$.format", "$.format holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.")]),
        ("two places at once", () => Replace("name", "\"\\ud800\"").Replace("\"external\"", "\"\\udfff\"", StringComparison.Ordinal),
            [
                ("$.organisations[0].name", "$.organisations[0].name holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character."),
                ("$.organisations[0].currentDelivery", "$.organisations[0].currentDelivery holds \\udfff, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character."),
            ]),
        ("a whole number far too large", () => Replace("headcount", "1e400"),
            [("$.organisations[0].headcount", "$.organisations[0].headcount is too large to use: found the number 1e400. Check it for a typing slip.")]),
        ("a whole number too large for a whole number", () => Replace("headcount", "12345678901"),
            [("$.organisations[0].headcount", "$.organisations[0].headcount is too large to use: found the number 12345678901. Check it for a typing slip.")]),
        ("a whole number far below zero", () => Replace("headcount", "-1e400"),
            [("$.organisations[0].headcount", "$.organisations[0].headcount is too far below zero to use: found the number -1e400. Check it for a typing slip.")]),
        ("a fraction where a whole number goes", () => Replace("headcount", "45.5"),
            [("$.organisations[0].headcount", "$.organisations[0].headcount should be a whole number; found the number 45.5.")]),
        ("a version far too large", () => Replace("version", "1e400"),
            [("$.version", "$.version is too large: found the number 1e400. This toolkit reads version 1.")]),
        ("lists nested too deep", () => Replace("populationHealthNeeds", new string('[', 70) + new string(']', 70)),
            [(Deep, $"The file is not valid JSON: lists and objects are nested more than 64 deep at {Deep} (line 14, position 93).")]),
    ];

    [Test]
    public void Read_HostileJson_GivesEachProblemWithItsPath()
    {
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, json, problems) in JsonCases)
            {
                var result = ProfilesFile.Read(json());
                Assert.That(result.Problems.Select(p => (p.Path, p.Message)), Is.EqualTo(problems), name);
                checkedCases++;
            }
        });

        Assert.That(checkedCases, Is.EqualTo(14));
    }

    [Test]
    public void Read_AWholeCharacterWrittenAsTwoEscapes_IsRead()
    {
        var result = ProfilesFile.Read(Replace("name", "\"Ward \\ud83c\\udfe5 7\""));

        Assert.That(result.Succeeded, Is.True, string.Join(" | ", result.Problems.Select(p => p.Message)));
        Assert.That(result.Value[0].Name, Is.EqualTo("Ward \U0001F3E5 7"));
    }

    [Test]
    public void Read_ATenderPriceFarTooLarge_SaysItIsTooLarge()
    {
        var file = TenderFile.Write(SamplePack.Create());
        var first = file.IndexOf("\"annualPrices\": [", StringComparison.Ordinal) + "\"annualPrices\": [".Length;
        var json = file[..first] + "1e400, " + file[first..];

        var problems = TenderFile.Read(json).Problems.Select(p => (p.Path, p.Message));

        Assert.That(problems, Is.EqualTo(new[] { ("$.bids[0].price.annualPrices[0]", "$.bids[0].price.annualPrices[0] is too large to use: found the number 1e400. Check it for a typing slip.") }));
    }
}
