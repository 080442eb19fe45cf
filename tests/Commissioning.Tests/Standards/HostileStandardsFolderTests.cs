using Commissioning.Core.Standards;
using Commissioning.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Commissioning.Tests.Standards;

/// <summary>
/// Hostile and careless standards folders (issue 7, section 5) through the two places that load
/// them: <c>standards check</c> gives exit 1 and a plain message naming the file and line, and the
/// site refuses to start with the same messages, never a Markdig exception or a stack trace.
/// </summary>
public sealed class HostileStandardsFolderTests
{
    private readonly List<DirectoryInfo> _folders = [];

    [TearDown]
    public void RemoveFolders()
    {
        foreach (var folder in _folders)
        {
            folder.Delete(recursive: true);
        }

        _folders.Clear();
    }

    /// <summary>A copy of the real standards with one file's text changed.</summary>
    private string CopyWith(string fileName, Func<string, string> change)
    {
        var folder = Directory.CreateTempSubdirectory("standards-");
        _folders.Add(folder);
        var changed = 0;
        foreach (var file in Repository.StandardsFiles())
        {
            var text = file.FileName == fileName ? change(file.Text) : file.Text;
            changed += text == file.Text ? 0 : 1;
            File.WriteAllText(Path.Combine(folder.FullName, file.FileName), text);
        }

        Assert.That(changed, Is.EqualTo(1), "exactly one file was changed");
        return folder.FullName;
    }

    private static (int Code, string Output, string Error) Check(string folder)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Commissioning.Cli.CommandLine.Run(["standards", "check", folder], output, error, Repository.Root);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The 1-based line of the first line of a file that starts with the text.</summary>
    private static int LineOf(string fileName, string start) =>
        Repository.StandardsFiles().Single(f => f.FileName == fileName).Text.Split('\n')
            .Select((line, index) => (line, index)).First(l => l.line.StartsWith(start, StringComparison.Ordinal)).index + 1;

    private const string TooDeep =
        "The Markdown is nested too deeply to read: quotes, lists or brackets sit inside one another too many levels deep by this line. Rule set files need only a few levels; flatten this part.";

    public static IEnumerable<TestCaseData> HostileEdits()
    {
        yield return new TestCaseData("130 quote markers", (Func<string, string>)(t => t.Replace("# Staffing\n", "# Staffing\n\n" + new string('>', 130) + " deep\n", StringComparison.Ordinal)),
            "# Staffing", 2, TooDeep).SetName("StandardsCheck_130QuoteMarkers_NamesFileAndLine");
        yield return new TestCaseData("2,000-level list", (Func<string, string>)(t => t.Replace("# Staffing\n", "# Staffing\n\n" + string.Join("\n", Enumerable.Range(0, 2000).Select(i => new string(' ', 2 * i) + "- level")) + "\n", StringComparison.Ordinal)),
            "# Staffing", 2 + 64, TooDeep).SetName("StandardsCheck_2000LevelList_NamesFileAndLine");
        yield return new TestCaseData("an HTML block", (Func<string, string>)(t => t.Replace("# Staffing\n", "# Staffing\n\n<script>alert(1)</script>\n", StringComparison.Ordinal)),
            "# Staffing", 2, "Raw HTML is not allowed in a standards file, but this line starts an HTML block ('<script>alert(1)</script>'). Write it in Markdown instead.").SetName("StandardsCheck_HtmlBlock_NamesFileAndLine");
        yield return new TestCaseData("inline HTML", (Func<string, string>)(t => t.Replace("# Staffing\n", "# Staffing\n\nA <img src=x onerror=alert(1)> picture.\n", StringComparison.Ordinal)),
            "# Staffing", 2, "Raw HTML is not allowed in a standards file, but this line has the HTML tag '<img src=x onerror=alert(1)>'. Write it in Markdown instead.").SetName("StandardsCheck_InlineHtml_NamesFileAndLine");
        yield return new TestCaseData("an unclosed fence", (Func<string, string>)(t => t.Replace("# Staffing\n", "# Staffing\n\n~~~~\nnever closed\n", StringComparison.Ordinal)),
            "# Staffing", 2, "The code block that starts here with ~~~~ is never closed, so the rest of the file would be read as code. Add a line with ~~~~ where the code ends.").SetName("StandardsCheck_UnclosedFence_NamesFileAndLine");
    }

    [TestCaseSource(nameof(HostileEdits))]
    public void StandardsCheck_RefusesTheFile_WithExitOneAndThePlainMessage(string what, Func<string, string> change, string anchor, int linesAfterAnchor, string message)
    {
        var folder = CopyWith("05-staffing.md", change);
        var line = LineOf("05-staffing.md", anchor) + linesAfterAnchor;

        var (code, output, error) = Check(folder);

        Assert.That(code, Is.EqualTo(1), what);
        Assert.That(output, Is.EqualTo($"{folder}: 1 problem in {Repository.StandardsFiles().Count} files.{Environment.NewLine}  05-staffing.md, line {line}: {message}{Environment.NewLine}"), what);
        Assert.That(error, Is.Empty, what);
    }

    [Test]
    public void StandardsCheck_OnAnEmptyFolder_SaysNoRuleSetFilesWereFoundThere()
    {
        var folder = Directory.CreateTempSubdirectory("standards-empty-");
        _folders.Add(folder);

        var (code, output, _) = Check(folder.FullName);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Is.EqualTo(
            $"{folder.FullName}: 1 problem.{Environment.NewLine}" +
            $"  No rule set files found in {folder.FullName}. Each rule set is a Markdown file (.md) whose front matter says 'kind: ruleset'.{Environment.NewLine}"));
        Assert.That(output, Does.Not.Contain("line 0"));
    }

    [TestCase(SiteFactory.Development)]
    [TestCase(SiteFactory.Production)]
    public void SiteStartUp_WithDeeplyNestedMarkdown_StopsWithFileAndLine_NotAMarkdigException(string environment)
    {
        var folder = CopyWith("05-staffing.md", t => t.Replace("# Staffing\n", "# Staffing\n\n" + new string('>', 130) + " deep\n", StringComparison.Ordinal));
        using var factory = new SiteFactory(environment).WithWebHostBuilder(b => b.UseSetting("Standards:Path", folder));

        var exception = Assert.Throws<StandardsLoadException>(() => factory.CreateClient());

        Assert.That(exception!.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"05-staffing.md, line {LineOf("05-staffing.md", "# Staffing") + 2}: {TooDeep}" }));
    }

    [TestCase(SiteFactory.Development)]
    [TestCase(SiteFactory.Production)]
    public void SiteStartUp_WithAnEmptyStandardsFolder_SaysNoRuleSetFilesWereFoundThere(string environment)
    {
        var folder = Directory.CreateTempSubdirectory("standards-empty-");
        _folders.Add(folder);
        using var factory = new SiteFactory(environment).WithWebHostBuilder(b => b.UseSetting("Standards:Path", folder.FullName));

        var exception = Assert.Throws<StandardsLoadException>(() => factory.CreateClient());

        Assert.That(exception!.Message, Does.Contain($"No rule set files found in {folder.FullName}.").And.Not.Contain("line 0"));
    }

    [Test]
    public async Task SiteProcess_WithDeeplyNestedMarkdown_ExitsOne_WithThePlainMessageAndNoStackTrace()
    {
        var folder = CopyWith("05-staffing.md", t => t.Replace("# Staffing\n", "# Staffing\n\n" + new string('>', 130) + " deep\n", StringComparison.Ordinal));
        var site = Path.Combine(AppContext.BaseDirectory, "Commissioning.Web.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { site, "--Standards:Path=" + folder, "--urls=http://127.0.0.1:0", "--environment=Production" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The site started (or hung) with malformed standards instead of stopping.");
        }

        var line = LineOf("05-staffing.md", "# Staffing") + 2;
        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(await error, Does.Contain($"05-staffing.md, line {line}: {TooDeep}").And.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
        Assert.That(await output, Does.Not.Contain("   at "));
    }
}
