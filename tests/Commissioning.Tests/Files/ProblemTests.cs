using System.Text.Json.Nodes;
using Commissioning.Core.Files;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Files;

/// <summary>Every way a file can be wrong gives a plain-English message naming the place.</summary>
public sealed class ProblemTests
{
    private static readonly string ValidTender = TenderFile.Write(SamplePack.Create());

    private static readonly string ValidProfiles = ProfilesFile.Write([Profiles.GpPractice()]);

    /// <summary>The valid tender file changed by <paramref name="change"/>.</summary>
    private static string Tender(Action<JsonObject> change) => Change(ValidTender, change);

    private static string ProfilesJson(Action<JsonObject> change) => Change(ValidProfiles, change);

    private static string Change(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static JsonObject Obj(JsonNode? node) => node!.AsObject();

    private static (string Path, string Message)[] Problems<T>(FileReadResult<T> result) =>
        [.. result.Problems.Select(p => (p.Path, p.Message))];

    [TestCase("")]
    [TestCase(" \n\t ")]
    [TestCase("\uFEFF")]
    public void EmptyFile(string json)
    {
        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[] { ("$", "The file is empty.") }));
    }

    [Test]
    public void InvalidJson_MissingComma_NamesThePlaceAndLine()
    {
        const string json = """
            {
              "format": "oh-profiles",
              "version": 1,
              "organisations": [
                {
                  "name": "Riverside Surgery"
                  "type": "gp-practice-or-pcn",
                  "headcount": 45
                }
              ]
            }
            """;

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].name", "The file is not valid JSON: a comma is missing between two items, or a bracket does not match at $.organisations[0].name (line 7, position 7)."),
        }));
    }

    [Test]
    public void InvalidJson_TrailingComma()
    {
        const string json = "{\n  \"format\": \"oh-tender\",\n  \"version\": 1,\n  \"bids\": [\n    {\"id\": \"bid-a\"},\n  ]\n}";

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.bids[0]", "The file is not valid JSON: there is a comma after the last item of a list or object at $.bids[0] (line 6, position 3)."),
        }));
    }

    [Test]
    public void InvalidJson_Truncated()
    {
        var json = ValidProfiles[..ValidProfiles.IndexOf("\"headcount\"", StringComparison.Ordinal)];

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].type", "The file is not valid JSON: the file ends before every { and [ has been closed at $.organisations[0].type (line 8, position 7)."),
        }));
    }

    [Test]
    public void InvalidJson_Comment()
    {
        const string json = "{\n  // the members\n  \"format\": \"oh-profiles\"\n}";

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$", "The file is not valid JSON: comments are not allowed in JSON at $ (line 2, position 3)."),
        }));
    }

    [TestCase("{\"format\": oh-tender}", "$.format", "a value is not valid (text needs double quotes; only true, false and null go without) at $.format (line 1, position 12)")]
    [TestCase("{\"format\": \"oh-\ntender\"}", "$.format", "a piece of text contains a line break or tab (write \\n or \\t instead) at $.format (line 1, position 16)")]
    [TestCase("{\"version\": 01}", "$.version", "a number starts with a zero at $.version (line 1, position 14)")]
    [TestCase("{\"bids\": [1, 2}", "$.bids[1]", "a closing bracket does not match an opening one at $.bids[1] (line 1, position 15)")]
    [TestCase("{\"format\" \"oh-tender\"}", "$", "a colon (:) is missing after a field name at $ (line 1, position 11)")]
    [TestCase("{} {}", "$", "there is more after the closing } of the file at $ (line 1, position 4)")]
    public void InvalidJson_ReasonsInPlainWords(string json, string path, string reason)
    {
        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[] { (path, "The file is not valid JSON: " + reason + ".") }));
    }

    [Test]
    public void InvalidJson_PositionCountsCharactersNotBytes()
    {
        const string json = "{\"name\": \"Café £\" \"format\": 1}";

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.name", "The file is not valid JSON: a comma is missing between two items, or a bracket does not match at $.name (line 1, position 19)."),
        }));
    }

    [Test]
    public void NotAnObject()
    {
        Assert.That(Problems(TenderFile.Read("[1, 2]")), Is.EqualTo(new[]
        {
            ("$", "The file should hold one JSON object, starting with { and ending with }; found a list."),
        }));
    }

    [Test]
    public void MissingFormat()
    {
        Assert.That(Problems(TenderFile.Read(Tender(root => root.Remove("format")))), Is.EqualTo(new[]
        {
            ("$", "The file does not say which format it is in: it should start with \"format\": \"oh-tender\"."),
        }));
    }

    [Test]
    public void FormatNotText()
    {
        Assert.That(Problems(TenderFile.Read(Tender(root => root["format"] = 1))), Is.EqualTo(new[]
        {
            ("$.format", "$.format should be text, such as \"oh-tender\"; found the number 1."),
        }));
    }

    [Test]
    public void WrongFormat_NamesBoth()
    {
        Assert.That(Problems(TenderFile.Read(ValidProfiles)), Is.EqualTo(new[]
        {
            ("$.format", "This is an 'oh-profiles' file; expected an 'oh-tender' file."),
        }));
    }

    [Test]
    public void UnknownFormat()
    {
        Assert.That(Problems(ProfilesFile.Read(ProfilesJson(root => root["format"] = "oh-castles"))), Is.EqualTo(new[]
        {
            ("$.format", "'oh-castles' is not a file format this toolkit knows; expected an 'oh-profiles' file."),
        }));
    }

    [Test]
    public void MissingVersion()
    {
        Assert.That(Problems(TenderFile.Read(Tender(root => root.Remove("version")))), Is.EqualTo(new[]
        {
            ("$", "The file does not say which version of the oh-tender format it uses: it should have \"version\": 4."),
        }));
    }

    [Test]
    public void VersionNotAWholeNumber()
    {
        Assert.That(Problems(TenderFile.Read(Tender(root => root["version"] = "1"))), Is.EqualTo(new[]
        {
            ("$.version", "$.version should be a whole number, such as 4; found \"1\"."),
        }));
    }

    [Test]
    public void UnknownVersion()
    {
        Assert.That(Problems(TenderFile.Read(Tender(root => root["version"] = 5))), Is.EqualTo(new[]
        {
            ("$.version", "This file is version 5 of the oh-tender format; this toolkit reads versions 1 to 4."),
        }));
    }

    [Test]
    public void UnknownField_SuggestsTheNearestKnownOne()
    {
        var json = Tender(root => Obj(root["tender"]!["lots"]![0])["qualityWieght"] = 70);

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.tender.lots[0].qualityWieght", "$.tender.lots[0].qualityWieght is not a known field. Did you mean 'qualityWeight'?"),
        }));
    }

    [Test]
    public void UnknownField_WithNothingNear()
    {
        var json = Tender(root => root["comments"] = "none");

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[] { ("$.comments", "$.comments is not a known field.") }));
    }

    [Test]
    public void FieldNames_AreCaseSensitive()
    {
        var json = ProfilesJson(root =>
        {
            var organisation = Obj(root["organisations"]![0]);
            organisation["Name"] = organisation["name"]!.DeepClone();
            organisation.Remove("name");
        });

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].Name", "$.organisations[0].Name is not a known field. Did you mean 'name'?"),
            ("$.organisations[0]", "$.organisations[0] is missing the required field 'name'."),
        }));
    }

    [Test]
    public void ComputedField_IsRefused()
    {
        var json = ProfilesJson(root => Obj(root["organisations"]![0])["isSmallerOrganisation"] = true);

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].isSmallerOrganisation", "$.organisations[0].isSmallerOrganisation is not a known field."),
        }));
    }

    [Test]
    public void UnknownEnumValue_ListsTheAllowedValues()
    {
        var json = ProfilesJson(root => Obj(root["organisations"]![0])["type"] = "castle");

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].type", "'castle' is not a known value at $.organisations[0].type. Use one of: gp-practice-or-pcn, other-primary-care, small-organisation, community-trust, mental-health-trust, acute-trust, ambulance-trust."),
        }));
    }

    [TestCase("\"AcuteTrust\"", "'AcuteTrust' is not a known value at $.organisations[0].type. Use one of: gp-practice-or-pcn, other-primary-care, small-organisation, community-trust, mental-health-trust, acute-trust, ambulance-trust.")]
    [TestCase("5", "$.organisations[0].type should be one of: gp-practice-or-pcn, other-primary-care, small-organisation, community-trust, mental-health-trust, acute-trust, ambulance-trust; found the number 5.")]
    public void EnumValues_MustBeTheExactKebabCaseName(string value, string message)
    {
        var json = ProfilesJson(root => Obj(root["organisations"]![0])["type"] = JsonNode.Parse(value));

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[] { ("$.organisations[0].type", message) }));
    }

    [Test]
    public void MissingRequiredField()
    {
        var json = Tender(root => Obj(root["tender"]!["lots"]![0]).Remove("qualityWeight"));

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.tender.lots[0]", "$.tender.lots[0] is missing the required field 'qualityWeight'."),
        }));
    }

    [Test]
    public void MissingTender()
    {
        var json = Tender(root => root.Remove("tender"));

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[] { ("$", "$ is missing the required field 'tender'.") }));
    }

    [Test]
    public void WrongKindOfValue_NamesWhatWasExpectedAndFound()
    {
        var json = Tender(root =>
        {
            root["bids"]![2]!["price"]!["annualPrices"]![0] = "£1.2m";
            root["tender"]!["members"]![0]!["profile"]!["headcount"] = 45.5;
            root["tender"]!["lots"]![0]!["sections"]![1]!["socialValue"] = "yes";
            root["tender"]!["title"] = null;
            root["tender"]!["evaluators"] = new JsonObject();
            root["scores"]![0]!["evaluatorId"] = new JsonArray();
        });

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.tender.title", "$.tender.title should be text in double quotes; found null."),
            ("$.tender.members[0].profile.headcount", "$.tender.members[0].profile.headcount should be a whole number; found the number 45.5."),
            ("$.tender.lots[0].sections[1].socialValue", "$.tender.lots[0].sections[1].socialValue should be true or false; found \"yes\"."),
            ("$.tender.evaluators", "$.tender.evaluators should be a list in square brackets [ ]; found an object."),
            ("$.bids[2].price.annualPrices[0]", "$.bids[2].price.annualPrices[0] should be a number; found \"£1.2m\"."),
            ("$.scores[0].evaluatorId", "$.scores[0].evaluatorId should be text in double quotes; found a list."),
        }));
    }

    [TestCase("04/03/2021")]
    [TestCase("2021-02-30")]
    [TestCase("2021-03-04T00:00:00")]
    public void Dates_MustBeIso(string date)
    {
        var json = Tender(root => root["bids"]![1]!["declarations"]!["seqohsDate"] = date);

        Assert.That(Problems(TenderFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.bids[1].declarations.seqohsDate", $"$.bids[1].declarations.seqohsDate should be a date written as yyyy-MM-dd, such as \"2027-04-01\"; found \"{date}\"."),
        }));
    }

    [Test]
    public void OptionalFields_MayBeNull()
    {
        var json = Tender(root =>
        {
            root["tender"]!["reference"] = null;
            root["bids"]![0]!["declarations"]!["seqohsDate"] = null;
            root["bids"]![0]!["declarations"]!["responsibleOfficer"] = null;
        });

        var result = TenderFile.Read(json);

        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty);
            Assert.That(result.Value.Tender.Reference, Is.Null);
            Assert.That(result.Value.Bids[0].Declarations.SeqohsDate, Is.Null);
        });
    }

    [Test]
    public void RepeatedField()
    {
        var json = ValidProfiles.Replace("\"headcount\": 45,", "\"headcount\": 45,\n      \"headcount\": 46,", StringComparison.Ordinal);

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].headcount", "$.organisations[0].headcount appears more than once; give it once."),
        }));
    }

    [Test]
    public void RepeatedExposure()
    {
        var json = ProfilesJson(root => Obj(root["organisations"]![0])["exposures"] = new JsonArray("blood-body-fluids", "senior-clinicians", "blood-body-fluids"));

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations[0].exposures[2]", "$.organisations[0].exposures lists 'blood-body-fluids' more than once; list it once."),
        }));
    }

    [Test]
    public void NoOrganisations()
    {
        var json = ProfilesJson(root => root["organisations"] = new JsonArray());

        Assert.That(Problems(ProfilesFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.organisations", "$.organisations is empty; list at least one organisation."),
        }));
    }

    [Test]
    public void NoOrganisations_CannotBeWritten()
    {
        Assert.Throws<ArgumentException>(() => ProfilesFile.Write([]));
    }

    [Test]
    public void DictionaryEntries_AreCheckedWithTheirKeysInThePath()
    {
        var declarations = DeclarationsFile.Write("Alpha OH Ltd", SamplePack.Create().Bids[0].Declarations);
        var json = Change(declarations, root =>
        {
            root["declarations"]!["subSpecialisms"]!["SUB-06"]!["mode"] = "Partner";
            root["declarations"]!["evidence"]!["GOV 02"] = "certificate";
        });

        Assert.That(Problems(DeclarationsFile.Read(json)), Is.EqualTo(new[]
        {
            ("$.declarations.subSpecialisms.SUB-06.mode", "'Partner' is not a known value at $.declarations.subSpecialisms.SUB-06.mode. Use one of: not-offered, partner, direct."),
            ("$.declarations.evidence['GOV 02']", "$.declarations.evidence['GOV 02'] should be a list in square brackets [ ]; found \"certificate\"."),
        }));
    }

    [Test]
    public void DeclarationsFile_NeedsItsProvider()
    {
        var json = Change(DeclarationsFile.Write("Alpha OH Ltd", new()), root => root.Remove("provider"));

        Assert.That(Problems(DeclarationsFile.Read(json)), Is.EqualTo(new[] { ("$", "$ is missing the required field 'provider'.") }));
    }

    [Test]
    public void Value_OfAFailedRead_Throws()
    {
        var result = TenderFile.Read("");

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(() => result.Value, Throws.InvalidOperationException.With.Message.EqualTo("The file could not be read: The file is empty."));
        });
    }
}
