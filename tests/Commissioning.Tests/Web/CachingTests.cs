using Commissioning.Tests.Support;
using Commissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// Pages that show or collect an organisation's answers are never stored by a browser or a shared
/// cache; the published guidance is not marked so.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class CachingTests(string environment)
{
    private SiteFactory _factory = null!;

    [OneTimeSetUp]
    public void StartSite() => _factory = new SiteFactory(environment);

    [OneTimeTearDown]
    public void StopSite() => _factory.Dispose();

    private async Task<List<CompiledPageActionDescriptor>> CompiledPagesAsync()
    {
        _ = _factory.Server;
        var descriptors = _factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .DistinctBy(d => d.ViewEnginePath);
        var loader = _factory.Services.GetRequiredService<PageLoader>();
        var compiled = new List<CompiledPageActionDescriptor>();
        foreach (var descriptor in descriptors)
        {
            compiled.Add(await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty));
        }

        return compiled;
    }

    private static bool IsPrivate(CompiledPageActionDescriptor page) =>
        PageConventions.PrivateFolders.Any(folder => page.ViewEnginePath.StartsWith(folder + "/", StringComparison.Ordinal));

    [Test]
    public async Task EveryPageInAPrivateFolder_HasTheNoStoreFilter_AndNoOtherPageHasIt()
    {
        var pages = await CompiledPagesAsync();
        var privatePageModels = typeof(Program).Assembly.GetTypes()
            .Count(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract && PageConventions.PrivateFolders.Any(f => t.Namespace is { } ns && (ns == "Commissioning.Web.Pages" + f.Replace('/', '.') || ns.StartsWith("Commissioning.Web.Pages" + f.Replace('/', '.') + ".", StringComparison.Ordinal))));

        var privatePages = pages.Where(IsPrivate).ToList();

        Assert.That(privatePages, Has.Count.EqualTo(privatePageModels).And.Count.GreaterThanOrEqualTo(2), "every page of the private folders (the specification, the tenders, the accounts), and any page added beside them");
        Assert.That(privatePages.Where(p => !p.FilterDescriptors.Any(f => ReferenceEquals(f.Filter, PageConventions.NoStore))).Select(p => p.ViewEnginePath), Is.Empty);
        Assert.That(pages.Where(p => !IsPrivate(p) && p.FilterDescriptors.Any(f => ReferenceEquals(f.Filter, PageConventions.NoStore))).Select(p => p.ViewEnginePath), Is.Empty);
    }

    [TestCase("/specification/profile")]
    [TestCase("/specification/profile?name=Riverside&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=hybrid")]
    [TestCase("/specification?name=Riverside&type=acute-trust&headcount=45&hostsmedicaltrainees=no&delivery=hybrid")]
    [TestCase("/specification?name=Riverside&type=castle")]
    public async Task PageWithAnOrganisationsAnswers_SendsNoStore(string path)
    {
        var response = await RawRequests.SendAsync(_factory.Server, "GET", path);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Headers.CacheControl.ToString(), Does.Contain("no-store"));
    }

    [Test]
    public async Task ProfileForm_WhenTheAnswersHaveErrors_SendsNoStore()
    {
        var token = await RawRequests.GetFormTokenAsync(_factory.Server, "/specification/profile");

        var response = await RawRequests.SendAsync(_factory.Server, "POST", "/specification/profile", RawRequests.Form(token, [new("Input.Name", "Riverside Surgery")]));

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Body, Does.Contain("Riverside Surgery"), "the page echoes the answers");
        Assert.That(response.Headers.CacheControl.ToString(), Does.Contain("no-store"));
    }

    [TestCase("/")]
    [TestCase("/standards")]
    [TestCase("/standards/glossary")]
    [TestCase("/standards/requirements/sub-06")]
    public async Task PublishedGuidance_IsNotMarkedNoStore(string path)
    {
        var response = await RawRequests.SendAsync(_factory.Server, "GET", path);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Headers.CacheControl.ToString(), Does.Not.Contain("no-store"));
    }
}
