using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Commissioning.Tests.Architecture;

/// <summary>Core stays pure: it references no storage, no web, no documents and no file system. The site's account parts reach storage only through the application layer.</summary>
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

    /// <summary>
    /// The site's accounts, sign-in, setup and administration (pages, their compiled views and the
    /// registration) call the application layer, never the storage layer. The tender pages still
    /// use storage types until they move too, so they are not covered yet.
    /// </summary>
    private const string SiteAccountParts =
        @"^Commissioning\.Web\.(Pages\.Account\.|Pages\.Admin\.|Pages\.SetupModel(\+|$)|Pages\.Pages_Setup(\+|$)|Infrastructure\.Accounts(\+|$)|Infrastructure\.AccountClaims(\+|$))";

    private const string StorageNamespaces = @"^Commissioning\.Data(\..*)?$";

    [Test]
    public void SiteAccountParts_DoNotDependOn_Data()
    {
        var accountParts = Types().That().ResideInAssembly(WebAssembly).And().HaveFullNameMatching(SiteAccountParts);

        Assert.That(accountParts.GetObjects(Loaded).Select(t => t.FullName), Has.Member("Commissioning.Web.Pages.Account.SignInModel").And.Member("Commissioning.Web.Pages.Admin.Accounts.Pages_Admin_Accounts_Create").And.Member("Commissioning.Web.Pages.Pages_Setup").And.Member("Commissioning.Web.Infrastructure.Accounts"), "the rule covers the pages and their views");
        accountParts.Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(StorageNamespaces)).Check(Loaded);
    }

    [Test]
    public void SiteRule_OnTheTenderPages_Fails()
    {
        // The rule can fail: the tender pages still use storage types.
        var rule = Types().That().ResideInAssembly(WebAssembly).And().ResideInNamespaceMatching(@"^Commissioning\.Web\.Pages\.Tenders$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(StorageNamespaces));

        Assert.That(rule.HasNoViolations(Loaded), Is.False);
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
