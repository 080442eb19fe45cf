using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Commissioning.Tests.Architecture;

/// <summary>Core stays pure; the site reaches storage only through the application layer; documents render and never evaluate; no namespace cycles.</summary>
public sealed class LayeringTests
{
    private static readonly System.Reflection.Assembly CoreAssembly = typeof(Commissioning.Core.Tenders.Tender).Assembly;

    private static readonly System.Reflection.Assembly WebAssembly = typeof(Commissioning.Web.Infrastructure.Storage).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture Loaded = new ArchLoader().LoadAssemblies(
        CoreAssembly,
        typeof(Commissioning.Data.CommissioningDbContext).Assembly,
        typeof(Commissioning.Application.Tenders.OpenTender).Assembly,
        typeof(Commissioning.Documents.Excel.CellText).Assembly,
        WebAssembly,
        typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
        typeof(ClosedXML.Excel.XLWorkbook).Assembly,
        typeof(Scriban.Template).Assembly,
        typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly,
        typeof(System.IO.File).Assembly).Build();

    /// <summary>Namespaces Core must not depend on, each with why.</summary>
    public static IEnumerable<TestCaseData> Forbidden { get; } =
    [
        new TestCaseData("Commissioning.Data").SetName("Core_DoesNotDependOn_Data"),
        new TestCaseData("Commissioning.Application").SetName("Core_DoesNotDependOn_Application"),
        new TestCaseData("Commissioning.Web").SetName("Core_DoesNotDependOn_Web"),
        new TestCaseData("Commissioning.Documents").SetName("Core_DoesNotDependOn_Documents"),
        new TestCaseData("Commissioning.Cli").SetName("Core_DoesNotDependOn_Cli"),
        new TestCaseData("Microsoft.AspNetCore").SetName("Core_DoesNotDependOn_AspNetCore"),
        new TestCaseData("Microsoft.EntityFrameworkCore").SetName("Core_DoesNotDependOn_EntityFrameworkCore"),
        new TestCaseData("ClosedXML").SetName("Core_DoesNotDependOn_ClosedXML"),
        new TestCaseData("Scriban").SetName("Core_DoesNotDependOn_Scriban"),
    ];

    [TestCaseSource(nameof(Forbidden))]
    public void Core_DoesNotDependOn(string forbiddenNamespace)
    {
        Types().That().ResideInAssembly(CoreAssembly)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching("^" + System.Text.RegularExpressions.Regex.Escape(forbiddenNamespace) + @"(\..*)?$"))
            .Check(Loaded);
    }

    [Test]
    public void Core_DoesNotTouchTheFileSystem()
    {
        string[] fileSystemTypes = ["System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream", "System.IO.Path", "System.IO.DriveInfo", "System.IO.FileSystemInfo", "System.IO.StreamReader", "System.IO.StreamWriter"];

        Types().That().ResideInAssembly(CoreAssembly)
            .Should().NotDependOnAny(Types().That().HaveFullNameMatching("^(" + string.Join('|', fileSystemTypes.Select(System.Text.RegularExpressions.Regex.Escape)) + ")$"))
            .Check(Loaded);
    }

    [Test]
    public void Core_References_NoAssemblyOfAnOuterLayer()
    {
        var referenced = CoreAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        string[] outer = ["Commissioning.Data", "Commissioning.Application", "Commissioning.Web", "Commissioning.Documents", "Commissioning.Cli", "Microsoft.EntityFrameworkCore", "ClosedXML", "Scriban.Signed", "Microsoft.AspNetCore"];

        Assert.That(referenced, Is.Not.Empty);
        Assert.That(referenced.Where(r => outer.Any(o => r.StartsWith(o, StringComparison.Ordinal))), Is.Empty);
    }

    private const string StorageNamespaces = @"^Commissioning\.Data(\..*)?$";

    /// <summary>What evaluates or validates: the documents project only renders what it is given.</summary>
    private const string EvaluatingTypes =
        @"^Commissioning\.Core\.(Evaluation\.(TenderEvaluator|LotScoring|RobustnessAnalysis)|Tenders\.Validation\..*|Profiles\.OrganisationProfileValidator)$";

    private static readonly System.Reflection.Assembly DocumentsAssembly = typeof(Commissioning.Documents.Excel.CellText).Assembly;

    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(Commissioning.Application.Tenders.OpenTender).Assembly;

    [Test]
    public void Site_DoesNotDependOn_Storage()
    {
        // Every page, compiled view and piece of infrastructure reaches storage only through the application layer.
        Types().That().ResideInAssembly(WebAssembly).Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(StorageNamespaces)).Check(Loaded);
        Assert.That(WebAssembly.GetReferencedAssemblies().Select(a => a.Name), Has.No.Member("Commissioning.Data"));
    }

    [Test]
    public void SiteRule_OnTheApplicationLayer_Fails()
    {
        // The rule can fail: the application layer does use storage, so the same rule on it must.
        var rule = Types().That().ResideInAssembly(ApplicationAssembly).Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(StorageNamespaces));

        Assert.That(rule.HasNoViolations(Loaded), Is.False);
    }

    [Test]
    public void Documents_NeitherEvaluateNorValidate()
    {
        Types().That().ResideInAssembly(DocumentsAssembly).Should().NotDependOnAny(Types().That().HaveFullNameMatching(EvaluatingTypes)).Check(Loaded);
    }

    [Test]
    public void DocumentsRule_OnTheApplicationLayer_Fails()
    {
        // The rule can fail: the application layer evaluates and validates, so the same rule on it must.
        var rule = Types().That().ResideInAssembly(ApplicationAssembly).Should().NotDependOnAny(Types().That().HaveFullNameMatching(EvaluatingTypes));

        Assert.That(rule.HasNoViolations(Loaded), Is.False);
    }

    [Test]
    public void Namespaces_HaveNoCycles()
    {
        // Each namespace of the product is a slice; no two may depend on each other, directly or round a loop.
        ArchUnitNET.Fluent.Slices.SliceRuleDefinition.Slices().Matching("Commissioning.(**)").Should().BeFreeOfCycles().Check(Loaded);
    }

    [Test]
    public void CycleRule_OnTwoNamespacesThatUseEachOther_Fails()
    {
        // The rule can fail: the two fixture namespaces below refer to each other.
        var fixtures = new ArchLoader().LoadAssemblies(typeof(LayeringTests).Assembly).Build();
        var rule = ArchUnitNET.Fluent.Slices.SliceRuleDefinition.Slices().Matching("Commissioning.Tests.Architecture.CycleFixture.(*)").Should().BeFreeOfCycles();

        Assert.That(rule.HasNoViolations(fixtures), Is.False);
    }

    [Test]
    public void LayeringRule_OnAnAssemblyThatUsesEfCore_Fails()
    {
        // The rule can fail: the Data project depends on EF Core, so the same rule on it must.
        var rule = Types().That().ResideInAssembly(typeof(Commissioning.Data.CommissioningDbContext).Assembly)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Microsoft\.EntityFrameworkCore(\..*)?$"));

        Assert.That(rule.HasNoViolations(Loaded), Is.False);
    }
}
