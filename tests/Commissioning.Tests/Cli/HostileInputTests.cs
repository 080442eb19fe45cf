using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Commissioning.Cli;
using Commissioning.Tests.Support;

namespace Commissioning.Tests.Cli;

/// <summary>
/// The command line against hostile and careless input (issue 7, section 5): every case ends
/// with exit code 1 or 2 and the exact message it must give, never a stack trace, never a hang,
/// and nothing that can rewrite the terminal.
/// </summary>
[NonParallelizable]
public sealed partial class HostileInputTests
{
    // The date the tests run on, as the command line's clock reports it.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly List<string> _pipes = [];

    private DirectoryInfo _folder = null!;

    [SetUp]
    public void MakeFolder()
    {
        _folder = Directory.CreateTempSubdirectory("hostile-");
        _pipes.Clear();
    }

    [TearDown]
    public void RemoveFolder() => _folder.Delete(recursive: true);

    /// <summary>One hostile input: the arguments, how files open, and what it must give.</summary>
    private sealed record Case(string Name, string[] Args, int Exit, string Message, OpenFile? Open = null, Func<string, bool>? OutputCheck = null);

    private IEnumerable<Case> Cases()
    {
        var tender = Example("ics-tender.json");
        var profiles = Example("riverside-members.json");
        var declarations = Example("provider-declarations.json");

        // A. Crashes that were exit 134 with a stack trace.
        yield return new("half a character in a tender", ["evaluate", Write("surrogate-tender.json", tender.Replace("\"title\": \"Occupational", "\"title\": \"North\\ud800gate Occupational", StringComparison.Ordinal))], 1,
            "  $.tender.title holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.");
        yield return new("half a character in profiles", ["tailor", Write("surrogate-profiles.json", profiles.Replace("\"name\": \"Riverside University", "\"name\": \"North\\ud800gate Riverside University", StringComparison.Ordinal))], 1,
            "  $.organisations[0].name holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.");
        yield return new("half a character in declarations", ["readiness", "examples/ics-tender.json", Write("surrogate-declarations.json", declarations.Replace("\"provider\": \"Harbourside", "\"provider\": \"\\udc00Harbourside", StringComparison.Ordinal))], 1,
            "  $.provider holds \\udc00, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.");
        yield return new("half a character in the format of a readiness target", ["readiness", Write("surrogate-format.json", tender.Replace("\"oh-tender\"", "\"oh-\\ud800\"", StringComparison.Ordinal)), "examples/provider-declarations.json"], 1,
            "  $.format holds \\ud800, half of a character (a UTF-16 surrogate without its other half). Remove it, or write the whole character.");

        var locked = Write("locked.json", tender);
        yield return new("no permission to read a tender", ["evaluate", locked], 2,
            $"You do not have permission to read the file '{locked}'. Check its permissions, or copy it somewhere you can read it.", Open: Denied("locked.json"));
        yield return new("no permission to read profiles", ["tailor", locked], 2,
            $"You do not have permission to read the file '{locked}'. Check its permissions, or copy it somewhere you can read it.", Open: Denied("locked.json"));
        yield return new("no permission to read declarations", ["readiness", "examples/ics-tender.json", locked], 2,
            $"You do not have permission to read the file '{locked}'. Check its permissions, or copy it somewhere you can read it.", Open: Denied("locked.json"));
        yield return new("a disk error while reading", ["evaluate", locked], 2,
            $"The file '{locked}' could not be read: Input/output error", Open: _ => throw new IOException("Input/output error"));
        yield return new("no permission to read a rule set", ["standards", "check", Standards("locked-standards")], 1,
            "  01-principles.md: You do not have permission to read the file '01-principles.md'. Check its permissions, or copy it somewhere you can read it.", Open: Denied("01-principles.md"));
        yield return new("an unreadable rule set while evaluating", ["evaluate", "examples/ics-tender.json", "--standards", Standards("locked-standards-2")], 1,
            "  01-principles.md: You do not have permission to read the file '01-principles.md'. Check its permissions, or copy it somewhere you can read it.", Open: Denied("01-principles.md"));

        yield return new("/dev/zero as a tender", ["evaluate", "/dev/zero"], 2, "'/dev/zero' is a device, not a file. Name a file saved on disk.");
        yield return new("/dev/urandom as profiles", ["tailor", "/dev/urandom"], 2, "'/dev/urandom' is a device, not a file. Name a file saved on disk.");
        yield return new("/dev/zero as declarations", ["readiness", "examples/ics-tender.json", "/dev/zero"], 2, "'/dev/zero' is a device, not a file. Name a file saved on disk.");
        yield return new("a link to /dev/zero", ["evaluate", Link("zero.json", "/dev/zero")], 2, $"'{Path.Combine(_folder.FullName, "zero.json")}' is a device, not a file. Name a file saved on disk.");
        var pipe = Fifo("pipe.json");
        yield return new("a named pipe as a tender", ["evaluate", pipe], 2, $"'{pipe}' is a named pipe, not a file. Name a file saved on disk.");
        var endless = Write("endless.json", "{}");
        yield return new("a file that never ends, whatever its length says", ["evaluate", endless], 2,
            $"The file '{endless}' is larger than 50 MB; this tool does not read files that large.", Open: _ => new EndlessStream());

        var hostileStandards = Standards("hostile-standards");
        Fifo(Path.Combine("hostile-standards", "90-pipe.md"));
        Link(Path.Combine("hostile-standards", "91-zero.md"), "/dev/zero");
        File.WriteAllBytes(Path.Combine(hostileStandards, "92-latin.md"), [.. "# Caf"u8, 0xE9]);
        File.WriteAllBytes(Path.Combine(hostileStandards, "93-binary.md"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        yield return new("a standards folder holding a pipe, a device, Latin-1 and binary", ["standards", "check", hostileStandards], 1,
            $"The standards could not be loaded: 4 files in {hostileStandards} could not be read.",
            OutputCheck: output => output.Contains("  90-pipe.md: '90-pipe.md' is a named pipe, not a file. Name a file saved on disk.", StringComparison.Ordinal)
                && output.Contains("  91-zero.md: '91-zero.md' is a device, not a file. Name a file saved on disk.", StringComparison.Ordinal)
                && output.Contains("  92-latin.md: The file is not valid UTF-8 text: the byte at offset 5 (line 1, position 6) is 0xE9, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8.", StringComparison.Ordinal)
                && output.Contains("  93-binary.md: The file is not a text file: the byte at offset 6 (line 2, position 1) is the control character 0x1A. Check that this is the file you meant; it should be text saved as UTF-8.", StringComparison.Ordinal));

        // B. Messages that named the wrong problem.
        yield return new("a price of 1e400", ["evaluate", Write("huge.json", tender.Replace("\"annualPrices\": [", "\"annualPrices\": [1e400, ", StringComparison.Ordinal))], 1,
            "  $.bids[0].price.annualPrices[0] is too large to use: found the number 1e400. Check it for a typing slip.");
        yield return new("binary input", ["evaluate", WriteBytes("image.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])], 1,
            "  The file is not a text file: the byte at offset 6 (line 2, position 1) is the control character 0x1A. Check that this is the file you meant; it should be text saved as UTF-8.");
        yield return new("UTF-16 without a byte order mark", ["evaluate", WriteBytes("utf16.json", Encoding.Unicode.GetBytes(tender))], 1,
            "  The file looks like UTF-16 text saved without a byte order mark (every other byte is zero). Save it as UTF-8.");
        yield return new("Latin-1", ["tailor", WriteBytes("latin1.json", Encoding.Latin1.GetBytes(profiles.Replace("Riverside University", "Café Riverside University", StringComparison.Ordinal)))], 1,
            "  The file is not valid UTF-8 text: the byte at offset 90 (line 6, position 19) is 0xE9, which is not part of a UTF-8 character. It may have been saved as Latin-1 or Windows-1252: save it as UTF-8.");
        yield return new("evaluate ''", ["evaluate", ""], 2, "No file name was given: name the tender file.");
        yield return new("tailor ' '", ["tailor", " "], 2, "No file name was given: name the profiles file.");
        yield return new("readiness with no declarations file", ["readiness", "examples/ics-tender.json", ""], 2, "No file name was given: name the declarations file.");
        yield return new("standards check ''", ["standards", "check", ""], 2, "No file name was given: name the standards folder.");
        yield return new("--standards ''", ["evaluate", "examples/ics-tender.json", "--standards", ""], 2, "The option --standards needs a value; it was given an empty one.");

        // C. Text that could rewrite the terminal: refused when files are checked...
        yield return new("a fake winner line in a provider name", ["evaluate", Write("fake-winner.json", Tender(t => t["bids"]![0]!["provider"] = "Northgate\nMost advantageous tender: Evil OH, total 99.00 of 100."))], 1,
            "  - $.bids[0].provider: The provider name of bid 'bid-a' must be plain text on one line: remove the line break (U+000A) at character 10.");
        yield return new("an ANSI escape in a provider name", ["evaluate", Write("ansi.json", Tender(t => t["bids"]![1]!["provider"] = "\u001B[2J\u001B[HMeridian"))], 1,
            "  - $.bids[1].provider: The provider name of bid 'bid-b' must be plain text on one line: remove the control character (U+001B) at character 1.");
        yield return new("a direction override in a lot title", ["evaluate", Write("bidi.json", Tender(t => t["tender"]!["lots"]![0]!["title"] = "Trusts \u202Eevil"))], 1,
            "  - $.tender.lots[0].title: The title of lot 'lot-1' must be plain text on one line: remove the text-direction control (U+202E) at character 8.");
        yield return new("a C1 control in an evaluator's name", ["evaluate", Write("c1.json", Tender(t => t["tender"]!["evaluators"]![0]!["name"] = "Alex\u009B31m Morgan"))], 1,
            "  - $.tender.evaluators[0].name: The name of evaluator 'e1' must be plain text on one line: remove the control character (U+009B) at character 5.");
        yield return new("an escape in a rationale", ["evaluate", Write("rationale.json", Tender(t => t["scores"]![0]!["rationale"] = "Good.\n\u001B[8mhidden"))], 1,
            "must be plain text: remove the control character (U+001B) at character 7.");
        yield return new("an escape in an organisation's name", ["tailor", Write("ansi-profiles.json", profiles.Replace("\"name\": \"Riverside University", "\"name\": \"\\u001b[31mRiverside University", StringComparison.Ordinal))], 1,
            "Organisation name must be plain text on one line: remove the control character (U+001B) at character 1.");
        yield return new("an organisation name of zero-width characters", ["tailor", Write("invisible.json", profiles.Replace("\"name\": \"Riverside University Hospitals NHS Foundation Trust\"", "\"name\": \"\\u200b\\u200d\\u2060\"", StringComparison.Ordinal))], 1,
            "Organisation name must include characters you can see, such as letters or numbers.");
        yield return new("an escape in the provider of declarations", ["readiness", "examples/ics-tender.json", Write("ansi-declarations.json", declarations.Replace("\"provider\": \"Harbourside", "\"provider\": \"\\u001b]0;owned\\u0007Harbourside", StringComparison.Ordinal))], 1,
            "  - The provider name must be plain text on one line: remove the control character (U+001B) at character 1.");

        // ...and escaped on output where a message quotes a file's text before any rule applies.
        yield return new("an escape and a fake line in an unknown choice", ["evaluate", Write("choice.json", Tender(t => t["tender"]!["members"]![0]!["profile"]!["type"] = "acute\u001B[2J\nMost advantageous tender: Evil"))], 1,
            "'acute\\u001B[2J\\nMost advantageous tender: Evil' is not a known value at $.tender.members[0].profile.type.");
        yield return new("an escape in the format", ["evaluate", Write("format.json", tender.Replace("\"oh-tender\"", "\"\\u001b[31moh-tender\\r\"", StringComparison.Ordinal))], 1,
            "  '\\u001B[31moh-tender\\r' is not a file format this toolkit knows; expected an 'oh-tender' file.");

        // D. Declarations.
        yield return new("accreditation dated in the future", ["readiness", "examples/ics-tender.json", Write("future.json", declarations.Replace("\"seqohsDate\": \"2021-09-15\"", "\"seqohsDate\": \"2026-03-03\"", StringComparison.Ordinal))], 1,
            "  - In Harbourside Occupational Health Ltd's declarations, SEQOHS accreditation is dated 3 March 2026, which is after today (2 March 2026). Enter the date it was awarded, or declare \"working-towards\" with the date it is expected.");
        yield return new("an ESR interface live from a future date", ["readiness", "examples/ics-tender.json", Write("future-esr.json", declarations.Replace("\"esr\": \"planned\"", "\"esr\": \"live\"", StringComparison.Ordinal))], 1,
            "  - In Harbourside Occupational Health Ltd's declarations, the ESR interface is declared live since 31 March 2027, which is after today (2 March 2026). Enter the date it went live, or declare it \"planned\" with that date.");
        yield return new("evidence under an unknown requirement", ["readiness", "examples/ics-tender.json", Write("unknown-evidence.json", declarations.Replace("\"GOV-01\": [", "\"GOV01\": [", StringComparison.Ordinal))], 1,
            "  - In Harbourside Occupational Health Ltd's declarations, evidence is listed under 'GOV01' (at declarations.evidence.GOV01), which is not a requirement in the standards. Did you mean 'GOV-01'? Correct the id or remove the evidence.");
        yield return new("--lot with profiles", ["readiness", "examples/riverside-members.json", "examples/provider-declarations.json", "--lot", "lot-1"], 2,
            "--lot applies only to a tender, and 'examples/riverside-members.json' holds organisation profiles. Leave out --lot, or name a tender file.");
    }

    [Test]
    public void HostileInput_GivesItsExitCodeAndMessage_WithNoStackTraceHangOrTerminalControl()
    {
        var checkedCases = 0;
        Assert.Multiple(() =>
        {
            foreach (var @case in Cases())
            {
                var (code, output, error) = Run(@case);
                var all = output + error;
                Assert.That(code, Is.EqualTo(@case.Exit), $"{@case.Name}: exit code\n{all}");
                if (@case.Exit == 2)
                {
                    Assert.That(error, Does.StartWith(@case.Message), @case.Name);
                }
                else
                {
                    Assert.That(output, Does.Contain(@case.Message), @case.Name);
                }

                if (@case.OutputCheck is { } check)
                {
                    Assert.That(check(all), Is.True, $"{@case.Name}\n{all}");
                }

                Assert.That(all, Does.Not.Contain("Unhandled exception").And.Not.Match(@"\n\s+at \S+\("), $"{@case.Name}: no stack trace");
                Assert.That(ControlCharacter().IsMatch(all.Replace("\n", string.Empty, StringComparison.Ordinal)), Is.False, $"{@case.Name}: a control character reached the terminal");
                Assert.That(all, Does.Not.Match("(^|\n)Most advantageous tender"), $"{@case.Name}: a line of its own");
                checkedCases++;
            }
        });

        Assert.That(checkedCases, Is.EqualTo(40), "hostile inputs checked");
    }

    /// <summary>
    /// Runs a case on another thread, so that one that blocks (opening a named pipe waits for a
    /// writer) fails instead of hanging the run: after a minute every pipe the test made is opened
    /// from the other end, which lets the reader go.
    /// </summary>
    private (int Code, string Output, string Error) Run(Case @case)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var run = Task.Run(() => Commissioning.Cli.CommandLine.Run(@case.Args, output, error, Repository.Root, new FixedClock(Now), @case.Open));
        if (run.Wait(TimeSpan.FromSeconds(60)))
        {
            return (run.Result, output.ToString(), error.ToString());
        }

        foreach (var pipe in _pipes)
        {
            using var writer = new FileStream(pipe, FileMode.Open, FileAccess.ReadWrite);
        }

        run.Wait(TimeSpan.FromSeconds(10));
        return (-1, string.Empty, $"{@case.Name}: the command blocked and did not finish within a minute.");
    }

    private static string Example(string name) => File.ReadAllText(Path.Combine(Repository.Root, "examples", name));

    private static string Tender(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(Example("ics-tender.json"))!;
        change(root);
        return root.ToJsonString();
    }

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Link(string name, string target)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>A copy of the repository's standards in a folder of its own.</summary>
    private string Standards(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(Repository.StandardsFolder, "*.md"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        Assert.That(MakeFifo(Encoding.UTF8.GetBytes(path + "\0"), Convert.ToUInt32("644", 8)), Is.Zero, $"mkfifo {path}");
        _pipes.Add(path);
        return path;
    }

    /// <summary>
    /// Opening fails as the system fails it for a file without read permission. Tests may run as
    /// root, for whom file permissions do not stop reading, so the failure is made at the seam.
    /// </summary>
    private static OpenFile Denied(string fileName) => path =>
        Path.GetFileName(path) == fileName
            ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
            : InputFiles.OpenForReading(path);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo(byte[] utf8Path, uint mode);

    [System.Text.RegularExpressions.GeneratedRegex(@"[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]")]
    private static partial System.Text.RegularExpressions.Regex ControlCharacter();

    /// <summary>A clock stopped at one moment, in UTC.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>A stream that reports no length and never ends, like a device or a file in /proc.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
