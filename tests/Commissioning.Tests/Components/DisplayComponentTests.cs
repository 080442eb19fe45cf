using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Commissioning.NhsUk.Components;
using Commissioning.NhsUk.Html;
using Microsoft.AspNetCore.Html;

namespace Commissioning.Tests.Components;

/// <summary>
/// Behaviours of the table, summary list and card that a tag helper relies on and the design
/// system's fixtures do not show: the ids a scrolling table makes for its caption, the column
/// headings a responsive table repeats in its cells, how sorting is given, and the card heading
/// read after each action. Each was checked against the design system's own templates.
/// </summary>
[TestFixture]
public sealed class DisplayComponentTests
{
    [Test]
    public void Table_ScrollingWithAnIdAndNoCaptionId_RegionLabelledByTheIdWithCaptionAfterIt()
    {
        var page = Parse(Render.Table(new TableOptions
        {
            Id = "vaccines",
            Scroll = true,
            Caption = new TableCaption { Text = "Vaccines given" },
            Head = [new TableHeadCell { Text = "Vaccine" }],
            Rows = [[new TableCell { Text = "RSV" }]],
        }));

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".nhsuk-scroll__content")?.GetAttribute("aria-labelledby"), Is.EqualTo("vaccines-caption"));
            Assert.That(page.QuerySelector("caption")?.Id, Is.EqualTo("vaccines-caption"));
        });
    }

    [Test]
    public void Table_ScrollingWithOnlyCaptionText_CaptionIdMadeFromTheFirstFortyCharactersOfTheText()
    {
        var page = Parse(Render.Table(new TableOptions
        {
            Scroll = true,
            Caption = new TableCaption { Text = "Childhood Vaccination Coverage By Nation And Year" },
            Rows = [[new TableCell { Text = "1" }]],
        }));

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("caption")?.Id, Is.EqualTo("table-childhood-vaccination-coverage-by-nation-caption"));
            Assert.That(page.QuerySelector(".nhsuk-scroll__content")?.GetAttribute("aria-labelledby"), Is.EqualTo(page.QuerySelector("caption")?.Id));
        });
    }

    [Test]
    public void Table_Responsive_EachBodyCellStartsWithItsColumnHeadingHiddenFromScreenReaders()
    {
        var page = Parse(Render.Table(new TableOptions
        {
            Responsive = true,
            Head = [new TableHeadCell { Text = "Bid" }, new TableHeadCell { Text = "Score" }],
            Rows = [[new TableCell { Text = "Bid A" }, new TableCell { Html = new HtmlString("<strong>7</strong>") }]],
        }));

        var cells = page.QuerySelectorAll("tbody td");
        Assert.Multiple(() =>
        {
            Assert.That(cells.Select(c => c.GetAttribute("role")), Is.All.EqualTo("cell"));
            Assert.That(cells.Select(c => c.QuerySelector(".nhsuk-table__heading")?.TextContent.Trim()), Is.EqualTo(new[] { "Bid", "Score" }));
            Assert.That(cells.Select(c => c.QuerySelector(".nhsuk-table__heading")?.GetAttribute("aria-hidden")), Is.All.EqualTo("true"));
            Assert.That(cells[1].Children.Select(c => c.LocalName), Is.EqualTo(new[] { "span", "span" }), "HTML content is wrapped in a span after the heading");
            Assert.That(page.QuerySelector("table")?.GetAttribute("role"), Is.EqualTo("table"));
        });
    }

    [Test]
    public void Table_SortGivenAsTrueOrFalse_TrueIsSortableWithNoOrderFalseIsNotSortable()
    {
        var page = Parse(Render.Table(new TableOptions
        {
            Head = [new TableHeadCell { Text = "Name", Sort = "true" }, new TableHeadCell { Text = "Date", Sort = "false" }, new TableHeadCell { Text = "Score", Sort = "descending" }],
            Rows = [[new TableCell { Text = "A" }, new TableCell { Text = "B" }, new TableCell { Text = "1", SortValue = "01" }]],
        }));

        var headings = page.QuerySelectorAll("thead th");
        Assert.Multiple(() =>
        {
            Assert.That(headings.Select(h => h.HasAttribute("data-sort")), Is.EqualTo(new[] { true, false, true }));
            Assert.That(headings.Select(h => h.GetAttribute("aria-sort")), Is.EqualTo(new[] { null, null, "descending" }));
            Assert.That(page.QuerySelector("table")?.GetAttribute("data-module"), Is.EqualTo("nhsuk-table"));
            Assert.That(page.QuerySelector("caption"), Is.Null, "no caption is written when none is given");
            Assert.That(page.QuerySelectorAll("tbody td")[2].GetAttribute("data-sort-value"), Is.EqualTo("01"));
        });
    }

    [Test]
    public void SummaryList_InACard_EachRowActionIsReadWithTheCardHeadingInBrackets()
    {
        var page = Parse(Render.SummaryList(new SummaryListOptions
        {
            Card = new CardOptions { Heading = new CardHeading { Text = "Lot 1" } },
            Rows =
            [
                new SummaryListRow { Key = new SummaryListCell { Text = "Name" }, Actions = new SummaryListActions { Items = [new CardAction { Text = "Change", Href = "/name", VisuallyHiddenText = "name" }] } },
                new SummaryListRow { Key = new SummaryListCell { Text = "Value" } },
            ],
        }));

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".nhsuk-summary-list__actions a .nhsuk-u-visually-hidden")?.TextContent, Is.EqualTo(" name (Lot 1)"));
            Assert.That(page.QuerySelector(".nhsuk-card .nhsuk-card__heading")?.TextContent.Trim(), Is.EqualTo("Lot 1"));
            Assert.That(page.QuerySelectorAll(".nhsuk-summary-list__row")[1].ClassList, Does.Contain("nhsuk-summary-list__row--no-actions"));
        });
    }

    [Test]
    public void Card_CareCardWithAnHref_HeadingIsNotALinkAndHasItsDefaultHiddenWords()
    {
        var page = Parse(Render.Card(new CardOptions
        {
            Variant = "urgent",
            Href = "/help",
            Heading = new CardHeading { Text = "Ask for an urgent GP appointment if:" },
            Content = new HtmlString("<p>You have a rash.</p>"),
        }));

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".nhsuk-card__heading a"), Is.Null);
            Assert.That(page.QuerySelector(".nhsuk-card__heading .nhsuk-u-visually-hidden")?.TextContent, Is.EqualTo("Urgent advice: "));
            Assert.That(page.QuerySelector(".nhsuk-card")?.ClassList, Does.Contain("nhsuk-card--care--urgent"));
        });
    }

    private static IDocument Parse(IHtmlContent content) => new HtmlParser().ParseDocument(Markup.ToHtml(content));
}
