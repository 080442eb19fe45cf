using Commissioning.Core.Tailoring;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Evaluation;

public sealed class TenderBuilderTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(11)]
    public void Share_AddsUpToExactly100(int count)
    {
        var shares = TenderBuilder.Share(count);

        Assert.That(shares, Has.Count.EqualTo(count));
        Assert.That(shares.Sum(), Is.EqualTo(100m));
        Assert.That(shares.All(s => decimal.Round(s, 2) == s && s > 0), Is.True);
    }

    [Test]
    public void DraftLot_FromACombinedSpecification_HasTheGatesAndScoredRequirementsThatApply()
    {
        var members = new[] { Profiles.AcuteTrust(), Profiles.GpPractice() };
        var specification = Tailor.ForGroup(Repository.Standards, members);

        var lot = TenderBuilder.DraftLot(Repository.Standards, specification, ["acute", "gp"], "lot-1", "All members");

        Assert.That(lot.Gates.Select(g => g.RequirementId), Does.Contain("INF-03"), "essential for the acute trust, which hosts trainees");
        Assert.That(lot.Gates.Select(g => g.RequirementId), Does.Not.Contain("SUB-02"), "the guide makes no area essential for exposure-prone procedures");
        Assert.That(lot.Questions.Select(q => q.RequirementId), Does.Contain("SUB-02"), "blood-borne viruses are scored like the other areas");
        Assert.That(lot.Questions.Select(q => q.RequirementId), Does.Contain("SUB-06"), "radiation applies to the acute trust");
        Assert.That(lot.Questions.Select(q => q.RequirementId), Does.Not.Contain("SUB-07"), "no member works with GMOs");
        Assert.That(lot.Questions.Select(q => q.RequirementId), Does.Not.Contain("INF-03"), "a gate is not also scored");
        Assert.That(lot.Sections.Sum(s => s.Weight), Is.EqualTo(100m));
        Assert.That(lot.Sections.All(s => s.Questions.Sum(q => q.Weight) == 100m), Is.True);
        Assert.That(lot.Questions.Single(q => q.RequirementId == "SUB-06").Text, Is.EqualTo(Repository.Standards.FindRequirement("SUB-06")!.ProviderQuestion));
    }

    [Test]
    public void DraftLot_IsAValidLot_OnceTheTenderAroundItIsComplete()
    {
        var members = new[] { new TenderMember { Id = "acute", Profile = Profiles.AcuteTrust() } };
        var lot = TenderBuilder.DraftLot(Repository.Standards, Tailor.ForGroup(Repository.Standards, [members[0].Profile]), ["acute"], "lot-1", "Acute trust");
        var social = new Section { Id = "sv", Title = "Social value and net zero", Weight = 20m, SocialValue = true, Questions = [new Question { Id = "SV1", Title = "Net zero", Text = "How will you cut the carbon footprint of the service?", Weight = 100m }] };
        var withSocialValue = lot with { Sections = [.. lot.Sections.Select(s => s with { Weight = s.Weight * 0.8m }), social] };
        var tender = Packs.Tender(withSocialValue) with { Members = members };

        var errors = new TenderValidator(Repository.Standards).Validate(tender).Errors.Select(e => e.ErrorMessage);

        Assert.That(errors, Is.Empty);
        Assert.That(withSocialValue.SocialValueShareOfTotal, Is.EqualTo(12m));
    }
}
