using Commissioning.Core.Standards;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Tests.Web;

/// <summary>
/// The site starts in both environments (Development validates every service registration at
/// start-up, which is how the README's run command runs it), and refuses to start on malformed
/// standards, saying which file and line.
/// </summary>
[TestFixtureSource(typeof(SiteFactory), nameof(SiteFactory.Environments))]
public sealed class StartupTests(string environment)
{
    [Test]
    public async Task Site_Starts_AndServesTheStartPage()
    {
        using var factory = new SiteFactory(environment);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public void EveryRegisteredValidator_CanBeBuiltByTheContainer()
    {
        using var factory = new SiteFactory(environment);
        _ = factory.Server;
        var descriptors = factory.Services.GetRequiredService<IServiceProviderIsService>();
        using var scope = factory.Services.CreateScope();
        var validatorTypes = typeof(Program).Assembly.GetTypes()
            .Concat(typeof(StandardsCatalogue).Assembly.GetTypes())
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Distinct()
            .Where(descriptors.IsService)
            .ToList();

        Assert.That(validatorTypes, Has.Count.GreaterThanOrEqualTo(3), "expected the profile, profile form and tender pack validators");
        Assert.Multiple(() =>
        {
            foreach (var type in validatorTypes)
            {
                Assert.That(scope.ServiceProvider.GetService(type), Is.Not.Null, type.ToString());
            }
        });
    }

    [Test]
    public void MalformedStandardsFile_StopsStartUp_WithFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("standards-");
        try
        {
            foreach (var file in Repository.StandardsFiles())
            {
                File.WriteAllText(Path.Combine(folder.FullName, file.FileName), file.Text);
            }

            var staffing = Path.Combine(folder.FullName, "05-staffing.md");
            var lines = File.ReadAllLines(staffing).ToList();
            var strengthLine = lines.FindIndex(l => l.StartsWith("- **Strength:**", StringComparison.Ordinal));
            lines[strengthLine] = "- **Strength:** essential";
            File.WriteAllLines(staffing, lines);

            using var factory = new SiteFactory(environment).WithWebHostBuilder(b => b.UseSetting("Standards:Path", folder.FullName));

            var exception = Assert.Throws<StandardsLoadException>(() => factory.CreateClient());
            Assert.That(exception!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                $"05-staffing.md, line {strengthLine + 1}: Unknown strength 'essential' in STF-01. Use must, should, good practice or optional.",
            }));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void MissingStandardsFolder_StopsStartUp_NamingTheFolder()
    {
        using var factory = new SiteFactory(environment).WithWebHostBuilder(b => b.UseSetting("Standards:Path", "/no/such/standards"));

        var exception = Assert.Throws<DirectoryNotFoundException>(() => factory.CreateClient());
        Assert.That(exception!.Message, Does.Contain("/no/such/standards").And.Contain("Standards:Path"));
    }
}
