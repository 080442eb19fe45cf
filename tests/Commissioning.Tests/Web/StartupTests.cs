using Commissioning.Core.Standards;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commissioning.Tests.Web;

/// <summary>The site refuses to start on malformed standards, saying which file and line.</summary>
public sealed class StartupTests
{
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

            using var factory = new SiteFactory().WithWebHostBuilder(b => b.UseSetting("Standards:Path", folder.FullName));

            var exception = Assert.Throws<StandardsLoadException>(() => factory.CreateClient());
            Assert.That(exception!.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
            {
                $"05-staffing.md, line {strengthLine + 1}: Unknown strength 'essential' in STF-01. Use must, should or good practice.",
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
        using var factory = new SiteFactory().WithWebHostBuilder(b => b.UseSetting("Standards:Path", "/no/such/standards"));

        var exception = Assert.Throws<DirectoryNotFoundException>(() => factory.CreateClient());
        Assert.That(exception!.Message, Does.Contain("/no/such/standards").And.Contain("Standards:Path"));
    }
}
