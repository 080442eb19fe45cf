using Commissioning.Core.Conditions;
using Commissioning.Core.Profiles;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Conditions;

public sealed class ConditionParserTests
{
    [TestCase("always", true)]
    [TestCase("hosts_medical_trainees", true)]
    [TestCase("not hosts_medical_trainees", false)]
    [TestCase("exposed_to ionising-radiation", true)]
    [TestCase("exposed_to gmo-gene-therapy", false)]
    [TestCase("type is acute-trust", true)]
    [TestCase("type in (gp-practice-or-pcn, community-trust)", false)]
    [TestCase("headcount >= 8500", true)]
    [TestCase("headcount > 8500", false)]
    [TestCase("headcount < 100 or exposed_to cytotoxic-drugs", true)]
    [TestCase("smaller_organisation", false)]
    [TestCase("has_population_health_needs", true)]
    [TestCase("delivery_model is hybrid", true)]
    [TestCase("exposed_to gmo-gene-therapy or hosts_medical_trainees and headcount < 10", false)] // and binds tighter
    [TestCase("(exposed_to gmo-gene-therapy or hosts_medical_trainees) and headcount > 10", true)]
    public void Holds_ForAnAcuteTrust(string text, bool expected)
    {
        Assert.That(ConditionParser.Parse(text).Holds(Profiles.AcuteTrust()), Is.EqualTo(expected));
    }

    [TestCase("always")]
    [TestCase("exposed_to ionising-radiation or exposed_to cytotoxic-drugs")]
    [TestCase("(hosts_medical_trainees or smaller_organisation) and not type is ambulance-trust")]
    [TestCase("type in (acute-trust, community-trust) and headcount >= 250")]
    [TestCase("delivery_model is external")]
    public void ToSyntax_ParsesBackToTheSameCondition(string text)
    {
        var condition = ConditionParser.Parse(text);

        Assert.That(ConditionParser.Parse(condition.ToSyntax()), Is.EqualTo(condition));
    }

    [Test]
    public void Explain_WhenAnOrHolds_NamesOnlyThePartsThatHeld()
    {
        var condition = ConditionParser.Parse("exposed_to blood-body-fluids or exposed_to exposure-prone-procedures");

        Assert.That(condition.Explain(Profiles.GpPractice()), Is.EqualTo("staff have clinical contact with blood or body fluids"));
    }

    [Test]
    public void Explain_WhenAnOrFails_NamesEveryPart()
    {
        var condition = ConditionParser.Parse("exposed_to ionising-radiation or hosts_medical_trainees");

        Assert.That(condition.Explain(Profiles.GpPractice()),
            Is.EqualTo("no staff work with ionising radiation and the organisation does not host doctors in training"));
    }

    [Test]
    public void Explain_TypeThatDoesNotMatch_SaysWhatTheOrganisationIs()
    {
        var condition = ConditionParser.Parse("type in (acute-trust, mental-health-trust)");

        Assert.That(condition.Explain(Profiles.GpPractice()),
            Is.EqualTo("the organisation is a GP practice or PCN, not an acute trust or a mental health trust"));
    }

    [Test]
    public void Explain_Headcount_GivesTheNumber()
    {
        var condition = ConditionParser.Parse("headcount >= 250");

        Assert.That(condition.Explain(Profiles.GpPractice()), Is.EqualTo("the headcount is 45, below 250"));
    }

    [TestCase("", 1, "The condition is empty. Write 'always' if it applies to every organisation.")]
    [TestCase("hosts_medical_trainees and", 27, "The condition ends too early.")]
    [TestCase("type is hospital", 9, "Unknown organisation type 'hospital'. Known types: gp-practice-or-pcn, other-primary-care, small-organisation, community-trust, mental-health-trust, acute-trust, ambulance-trust.")]
    [TestCase("type acute-trust", 6, "Expected 'is' or 'in' but found 'acute-trust'.")]
    [TestCase("(always", 8, "Expected ')' but found the end of the condition.")]
    [TestCase("always always", 8, "Expected 'and', 'or' or the end of the condition but found 'always'.")]
    [TestCase("headcount ! 5", 11, "Unexpected character '!'.")]
    [TestCase("delivery_model is outsourced", 19, "Unknown delivery model 'outsourced'. Known delivery models: internal, external, hybrid.")]
    public void Parse_Malformed_SaysWhatIsWrongAndWhere(string text, int column, string message)
    {
        var exception = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(text));

        Assert.That(exception!.Message, Is.EqualTo(message));
        Assert.That(exception.Column, Is.EqualTo(column));
    }

    [Test]
    public void EveryVocabularyId_ParsesInACondition()
    {
        foreach (var exposure in Vocabulary.Exposures)
        {
            Assert.That(ConditionParser.Parse($"exposed_to {exposure.Id}"), Is.EqualTo(new ExposedToCondition(exposure.Value)));
        }

        foreach (var type in Vocabulary.OrganisationTypes)
        {
            Assert.That(ConditionParser.Parse($"type is {type.Id}").Holds(Profiles.GpPractice() with { Type = type.Value }), Is.True);
        }
    }
}
