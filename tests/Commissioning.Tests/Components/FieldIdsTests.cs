using Commissioning.NhsUk.Forms;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commissioning.Tests.Components;

/// <summary>Ids from field names, and the error summary's links from ModelState keys.</summary>
[TestFixture]
public sealed class FieldIdsTests
{
    [TestCase("Input.DisplayName", "display-name")]
    [TestCase("Input.Email", "email")]
    [TestCase("Stage.NoticesSentOn", "stage-notices-sent-on")]
    [TestCase("Prices.EvaluatorsSeePrices", "prices-evaluators-see-prices")]
    [TestCase("Link.Versions[bid-a]", "link-versions-bid-a")]
    [TestCase("Remove.Reasons[3fa85f64-5717-4562-b3fc-2c963f66afa6]", "remove-reasons-3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [TestCase("bid", "bid")]
    [TestCase("Input", "input")]
    [TestCase("Person.EvaluatorId", "person-evaluator-id")]
    [TestCase("ESRInterface", "esr-interface")]
    public void From_AFieldName_IsItsId(string name, string id) => Assert.That(FieldIds.From(name), Is.EqualTo(id));

    [Test]
    public void LinkFor_AFieldsKey_IsItsId()
    {
        var fields = Fields();
        Assert.Multiple(() =>
        {
            Assert.That(fields.LinkFor("Stage.Reason"), Is.EqualTo("stage-reason"));
            Assert.That(fields.LinkFor("Stage.NoticesSentOn.Month"), Is.EqualTo("stage-notices-sent-on-month"));
        });
    }

    [Test]
    public void LinkFor_AFormOrAPartWithNoField_IsTheFirstFieldUnderTheNearestName()
    {
        var fields = Fields();
        Assert.Multiple(() =>
        {
            Assert.That(fields.LinkFor("Stage"), Is.EqualTo("stage-stage"), "the form as a whole");
            Assert.That(fields.LinkFor("Link.Versions"), Is.EqualTo("link-bid-id"), "a field the page did not draw");
            Assert.That(fields.LinkFor(string.Empty), Is.EqualTo("stage-stage"), "no key at all: the page's first field");
        });
    }

    [Test]
    public void LinkFor_NoFieldsDrawn_IsNull() => Assert.That(new PageFields().LinkFor("Stage"), Is.Null);

    [Test]
    public void Errors_InPageOrder_OneAField_EachLinked()
    {
        var fields = Fields();
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Link.BidId", "Select the bid.");
        modelState.AddModelError("Stage.Reason", "The reason must be 2,000 characters or fewer.");
        modelState.AddModelError("Stage.Reason", "A second message for the same field.");
        modelState.AddModelError("Stage", "Someone else changed this tender first.");

        var errors = fields.Errors(modelState);

        Assert.That(errors, Is.EqualTo(new (string, string?)[]
        {
            ("Someone else changed this tender first.", "stage-stage"),
            ("The reason must be 2,000 characters or fewer.", "stage-reason"),
            ("Select the bid.", "link-bid-id"),
        }));
    }

    private static PageFields Fields()
    {
        var fields = new PageFields();
        fields.Register("Stage.Stage", "stage-stage");
        fields.Register("Stage.NoticesSentOn", "stage-notices-sent-on-day");
        fields.Register("Stage.NoticesSentOn.Month", "stage-notices-sent-on-month");
        fields.Register("Stage.Reason", "stage-reason");
        fields.Register("Link.BidId", "link-bid-id");
        return fields;
    }
}
