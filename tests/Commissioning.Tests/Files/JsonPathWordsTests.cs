using Commissioning.Core.Files;

namespace Commissioning.Tests.Files;

/// <summary>File problems in plain English, with the JSON path kept as a detail.</summary>
public sealed class JsonPathWordsTests
{
    [TestCase("$", "the whole file")]
    [TestCase("$.tender", "tender")]
    [TestCase("$.tender.lots[0].sections[1].questions[2].weight", "tender → lot 1 → section 2 → question 3 → weight")]
    [TestCase("$.organisations[3].populationHealthNeeds[0]", "organisation 4 → population health need 1")]
    [TestCase("$.bids[0].declarations.subSpecialisms['travel-health'].mode", "bid 1 → declarations → sub specialisms → travel-health → mode")]
    [TestCase("$.tender.assignments[1]", "tender → assignment 2")]
    public void Where_PutsThePathInWords(string path, string words) =>
        Assert.That(JsonPathWords.Where(path), Is.EqualTo(words));

    [Test]
    public void Plain_AMissingField_SaysWhatTheFileLacks_AndOtherMessagesLoseTheirPath()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JsonPathWords.Plain("$.tender is missing the required field 'members'.", "$.tender"), Is.EqualTo("Tender has no members."));
            Assert.That(JsonPathWords.Plain("$ is missing the required field 'tender'.", "$"), Is.EqualTo("The file has no tender."));
            Assert.That(JsonPathWords.Plain("$.tender.lots[0].qualityWeight should be a number; found text.", "$.tender.lots[0].qualityWeight"),
                Is.EqualTo("Tender → lot 1 → quality weight should be a number; found text."));
            Assert.That(JsonPathWords.Plain("The file is empty.", "$"), Is.EqualTo("The file is empty."));
        });
    }
}
