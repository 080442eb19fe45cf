using ClosedXML.Excel;
using Commissioning.Core.Tenders;
using Commissioning.Documents.Excel.Response;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Documents.Response;

/// <summary>A workbook filled in cell by cell, as a provider would, imports to the bid that was typed in.</summary>
public sealed class ResponseRoundTripTests
{
    private static readonly ResponseImportOptions Options = new() { Standards = Repository.Standards };

    [TestCase("lot-1")]
    [TestCase("lot-2")]
    public void Read_WorkbookFilledWithAnExampleBid_GivesAnIdenticalBid(string lotId)
    {
        var intended = ResponseWorkbooks.ExampleBid(lotId);

        var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, ResponseWorkbooks.Filled(intended), Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options);

        Assert.That(import.Problems, Is.Empty);
        Assert.That(import.Succeeded, Is.True);
        Assert.That(ResponseWorkbooks.AsJson(import.Bid!), Is.EqualTo(ResponseWorkbooks.AsJson(intended)));
    }

    [Test]
    public void Read_EveryExampleBid_GivesAnIdenticalBid()
    {
        var checkedBids = 0;
        foreach (var original in ResponseWorkbooks.ExamplePack.Bids)
        {
            var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, ResponseWorkbooks.Filled(original), Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options);

            Assert.That(import.Problems, Is.Empty, original.Id);
            Assert.That(ResponseWorkbooks.AsJson(import.Bid!), Is.EqualTo(ResponseWorkbooks.AsJson(original)), original.Id);
            checkedBids++;
        }

        Assert.That(checkedBids, Is.EqualTo(6));
    }

    [Test]
    public void Read_BidWithTextThatLooksLikeFormulasAndEdgeValues_GivesAnIdenticalBid()
    {
        var original = ResponseWorkbooks.ExampleBid();
        var intended = original with
        {
            Provider = "=Harbourside OH & Partners (\"HOH\") £",
            Answers = [.. original.Answers.Select((a, i) => i switch
            {
                0 => a with { Text = "=1+1 is not a formula here\nSecond line; third: @mention, +44 20 7946 0000" },
                1 => a with { Text = "-dash first, then 'quotes' and \"doubles\" and ünïcødé ✓" },
                _ => a,
            })],
            Price = original.Price with { AnnualPrices = [1_980_000.01m, 0.01m, 9_999_999.99m] },
            Declarations = original.Declarations with
            {
                Staffing = original.Declarations.Staffing with { OccupationalPhysicians = 0.1m, OhNurses = 26.55m },
                ResponsibleOfficer = "@Dr O'Neill-Smith",
            },
        };

        var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, ResponseWorkbooks.Filled(intended), Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options);

        Assert.That(import.Problems, Is.Empty);
        Assert.That(ResponseWorkbooks.AsJson(import.Bid!), Is.EqualTo(ResponseWorkbooks.AsJson(intended)));
    }

    [Test]
    public void Read_UnansweredQuestion_ImportsWithoutItAndWarnsWithTheCell()
    {
        var original = ResponseWorkbooks.ExampleBid();
        var intended = original with { Answers = [.. original.Answers.Skip(1)] };

        var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, ResponseWorkbooks.Filled(intended), Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options);

        Assert.That(import.Succeeded, Is.True);
        Assert.That(ResponseWorkbooks.AsJson(import.Bid!), Is.EqualTo(ResponseWorkbooks.AsJson(intended)));
        Assert.That(import.Warnings.Select(w => w.ToString()), Is.EqualTo(new[] { $"Answers!F5: Question {original.Answers[0].QuestionId} has no answer; the bid is imported without one." }));
    }

    [Test]
    public void Read_PricesAndDatesTypedAsText_AreReadAsNumbersAndDates()
    {
        var intended = ResponseWorkbooks.ExampleBid();
        var bytes = ResponseWorkbooks.Filled(intended, book =>
        {
            var prices = book.Worksheet(ResponseLayout.PricesSheet);
            prices.Cell("B5").SetValue("1980000");
            prices.Cell("B5").DataType = XLDataType.Text;
            var declarations = book.Worksheet(ResponseLayout.DeclarationsSheet);
            var seqohsDate = declarations.Cell(ResponseWorkbooks.DeclarationAddress(DeclarationField.SeqohsDate));
            seqohsDate.SetValue("20/11/2018");
            seqohsDate.DataType = XLDataType.Text;
            declarations.Cell(ResponseWorkbooks.DeclarationAddress(DeclarationField.Seqohs)).Value = "accredited";
        });

        var import = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, bytes, Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options);

        Assert.That(import.Problems, Is.Empty);
        Assert.That(ResponseWorkbooks.AsJson(import.Bid!), Is.EqualTo(ResponseWorkbooks.AsJson(intended)));
    }

    [Test]
    public void Read_WithASecretKey_AcceptsItsOwnWorkbookAndRefusesOneSignedWithTheDerivedKey()
    {
        var tender = ResponseWorkbooks.ExamplePack.Tender;
        var secret = ResponseWorkbookKey.FromSecret(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var bid = ResponseWorkbooks.ExampleBid();
        var signedWithSecret = ResponseWorkbooks.Edit(ResponseWorkbookWriter.Write(tender, "lot-1", Repository.Standards, secret),
            book => ResponseWorkbooks.Fill(book, ResponseLayout.For(tender, "lot-1", Repository.Standards), bid));

        var own = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, signedWithSecret, Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options with { Key = secret });
        var derived = ResponseWorkbookReader.Read(ResponseWorkbooks.ExampleTenderOnly, ResponseWorkbooks.Filled(bid), Commissioning.Application.TenderFiles.Rules(Repository.Standards), Options with { Key = secret });

        Assert.That(own.Succeeded, Is.True);
        Assert.That(derived.Problems.Select(p => p.Message), Has.One.Contains("its signature does not match"));
    }
}
