using Commissioning.Core.Files;
using Commissioning.Core.Profiles;
using Commissioning.Core.Standards;

namespace Commissioning.Cli;

/// <summary>
/// The command line: reads files (the I/O edge), calls Core, and writes plain text or JSON.
/// Everything is written to the given writers so tests can run commands in-process.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: commissioning <command> [arguments]

        Commands:
          standards check [folder]                        Check the rule set files (default: ./standards)
          tailor <profiles.json>                          Tailor the standards to one organisation, or several buying together
          evaluate <tender.json> [--json]                 Evaluate a tender: ranking, breakdowns and robustness
          readiness <tender-or-profiles.json> <declarations.json> [--lot <lot-id>]
                                                          Check a provider's readiness against a tender or a specification
          render specification <profiles.json> -o <file.html|file.md>
                                                          The tailored specification with its KPI schedule, as a document
          render questionnaire <tender.json> [--lot <lot-id>] -o <file.html|file.md>
                                                          The invitation-to-tender questionnaire for a tender, or one lot of it
          render readiness <tender-or-profiles.json> <declarations.json> [--lot <lot-id>] -o <file.html|file.md|file.xlsx>
                                                          A provider's readiness report, as a document, or its evidence checklist, as a workbook
          export response-workbook <tender.json> --lot <lot-id> -o <file.xlsx>
                                                          Write the workbook a provider fills in to bid for a lot
          import response-workbook <tender.json> <file.xlsx> -o <tender.json> [--lot <lot-id>]
                                                          Add the bid in a filled response workbook to the tender
          export matrix <tender.json> -o <file.xlsx>      Write the evaluation matrix workbook (live formulas, one set of sheets a lot)
          render evaluation-report <tender.json> -o <file.html|file.md>
                                                          The evaluation report and award recommendation
          render assessment-summary <tender.json> --bid <bid-id> [--disclose-winner-answers] -o <file.html|file.md>
                                                          The assessment summary for one bidder (the winner's answers are quoted only when asked)
          standstill --regime <pa2023|psr> --published <yyyy-mm-dd>
                                                          When the standstill period ends and the contract may be entered into

        Options:
          --standards <folder>                            The rule sets to use (default: ./standards, else those shipped with the tool)
          --help                                          This text (after standstill: that command's own help)

        Exit codes: 0 success, 1 validation errors (printed), 2 usage errors.
        """;

    /// <summary>Runs a command.</summary>
    /// <param name="args">The command line's arguments.</param>
    /// <param name="output">Where results go; everything written is escaped by <see cref="TerminalWriter"/>.</param>
    /// <param name="error">Where usage errors go; escaped the same way.</param>
    /// <param name="workingDirectory">What relative paths are relative to.</param>
    /// <param name="time">The clock, for today's date (declarations dated in the future); the system clock if null.</param>
    /// <param name="open">How files are opened; <see cref="InputFiles.OpenForReading"/> if null. Tests replace it.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, TimeProvider? time = null, OpenFile? open = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // The one place text reaches the terminal: names from files cannot rewrite it.
        output = TerminalWriter.Wrap(output);
        error = TerminalWriter.Wrap(error);

        // Output is the same on every machine: "7,800 staff", never "7.800 staff".
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            var arguments = Arguments.Parse(args);
            var context = new CommandContext(output, error, workingDirectory, arguments.Option("standards"), time ?? TimeProvider.System, new InputFiles(open ?? InputFiles.OpenForReading));
            return arguments.Positional switch
            {
                ["standards", "check"] => StandardsCommands.Check(context, null),
                ["standards", "check", var folder] => StandardsCommands.Check(context, Given(folder, "the standards folder")),
                ["tailor", var profiles] => TailorCommand.Run(context, Given(profiles, "the profiles file")),
                ["evaluate", var tender] => EvaluateCommand.Run(context, Given(tender, "the tender file"), arguments.Flag("json")),
                ["readiness", var target, var declarations] => ReadinessCommand.Run(context, Given(target, "the tender or profiles file"), Given(declarations, "the declarations file"), arguments.Option("lot")),
                ["render", var document, .. var inputs] when RenderDocumentsCommand.Renders(document) => RenderDocumentsCommand.Run(context, document, [.. inputs.Select(i => Given(i, "the input file"))], arguments.Option("lot"), arguments.Option("output")),
                ["export", "response-workbook", var tender] => ResponseWorkbookCommands.Export(context, Given(tender, "the tender file"), arguments.Option("lot"), arguments.Option("output")),
                ["import", "response-workbook", var tender, var workbook] => ResponseWorkbookCommands.Import(context, Given(tender, "the tender file"), Given(workbook, "the response workbook"), arguments.Option("output"), arguments.Option("lot")),
                ["export", "matrix", var tender] => MatrixCommand.Run(context, Given(tender, "the tender file"), arguments.Option("output")),
                ["render", var document, var input] => RenderCommand.Run(context, document, Given(input, "the input file"), arguments.Option("output"), arguments.Option("bid"), arguments.Flag("disclose-winner-answers")),
                ["standstill"] when arguments.Flag("help") => Show(output, StandstillCommand.Help),
                ["standstill"] => StandstillCommand.Run(context, arguments.Option("regime"), arguments.Option("published")),
                ["help"] => ShowUsage(output, ExitCodes.Success),
                _ when arguments.Flag("help") => ShowUsage(output, ExitCodes.Success),
                [] => UsageError(error, "Name a command."),
                _ => UsageError(error, $"Unknown command or wrong number of arguments: {string.Join(' ', args)}"),
            };
        }
        catch (UsageException ex)
        {
            return UsageError(error, ex.Message);
        }
        catch (UnreadableFileException ex)
        {
            output.WriteLine($"{ex.File} could not be read: 1 problem.");
            output.WriteLine($"  {ex.Message}");
            return ExitCodes.ValidationErrors;
        }
        catch (UnreadableStandardsException ex)
        {
            output.WriteLine($"The standards could not be loaded: {ex.Problems.Count} file{(ex.Problems.Count == 1 ? "" : "s")} in {ex.Folder} could not be read.");
            foreach (var (file, message) in ex.Problems)
            {
                output.WriteLine($"  {file}: {message}");
            }

            return ExitCodes.ValidationErrors;
        }
        catch (StandardsLoadException ex)
        {
            output.WriteLine($"The standards could not be loaded: {ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}.");
            foreach (var problem in ex.Errors)
            {
                output.WriteLine($"  {problem}");
            }

            return ExitCodes.ValidationErrors;
        }
        catch (OverflowException)
        {
            output.WriteLine("A number in the input is too large to calculate with. Check the prices and weights.");
            return ExitCodes.ValidationErrors;
        }
    }

    private static int ShowUsage(TextWriter writer, int code)
    {
        writer.WriteLines(Usage);
        return code;
    }

    private static int Show(TextWriter writer, string help)
    {
        writer.WriteLines(help);
        return ExitCodes.Success;
    }

    /// <summary>An argument that names a file or folder; an empty one (<c>evaluate ''</c>) is a usage error saying so.</summary>
    private static string Given(string argument, string what) =>
        string.IsNullOrWhiteSpace(argument) ? throw new UsageException($"No file name was given: name {what}.") : argument;

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine();
        return ShowUsage(error, ExitCodes.UsageError);
    }
}

/// <summary>A usage mistake, reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A file that was read but does not hold text this toolkit reads (binary, UTF-16, not UTF-8), reported with exit code 1.</summary>
internal sealed class UnreadableFileException(string file, string message) : Exception(message)
{
    /// <summary>The file as the user named it.</summary>
    public string File { get; } = file;
}

/// <summary>Files in the standards folder that could not be read, reported together with exit code 1.</summary>
internal sealed class UnreadableStandardsException(string folder, IReadOnlyList<(string File, string Message)> problems)
    : Exception($"{problems.Count} files in {folder} could not be read.")
{
    /// <summary>The standards folder.</summary>
    public string Folder { get; } = folder;

    /// <summary>Each file's name and what is wrong with it.</summary>
    public IReadOnlyList<(string File, string Message)> Problems { get; } = problems;
}

/// <summary>Positional arguments, <c>--flags</c> and <c>--option value</c> pairs.</summary>
internal sealed class Arguments
{
    private static readonly string[] Flags = ["json", "disclose-winner-answers", "help"];
    private static readonly string[] Options = ["standards", "lot", "output", "bid", "regime", "published"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            // -o is the short form of --output.
            var arg = args[i] == "-o" ? "--output" : args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            if (Flags.Contains(name))
            {
                parsed._flags.Add(name);
            }
            else if (Options.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException(args[i] == "-o" ? "The option -o needs a value: the file to write." : $"The option --{name} needs a value.");
                }

                var value = args[++i];
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new UsageException($"The option --{name} needs a value; it was given an empty one.");
                }

                parsed._options[name] = value;
            }
            else
            {
                throw new UsageException($"Unknown option {arg}.");
            }
        }

        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Option(string name) => _options.GetValueOrDefault(name);
}

/// <summary>What every command needs: writers, the working directory, the clock, the file reader and the standards.</summary>
internal sealed class CommandContext(TextWriter output, TextWriter error, string workingDirectory, string? standardsOption, TimeProvider time, InputFiles files)
{
    private StandardsCatalogue? _standards;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Today's date on this machine's clock: Core has no clock, so the edge gives it the date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Now on the given clock, for what a written file records as its time of making.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    public string Resolve(string path) => Path.GetFullPath(path, workingDirectory);

    /// <summary>The standards folder: --standards, else ./standards, else the copy shipped beside the tool.</summary>
    public string StandardsFolder(string? explicitFolder = null)
    {
        if ((explicitFolder ?? standardsOption) is { } chosen)
        {
            return Resolve(chosen);
        }

        var local = Resolve("standards");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "standards");
    }

    /// <summary>Reads the standards, or throws <see cref="StandardsLoadException"/> or <see cref="UnreadableStandardsException"/>.</summary>
    public StandardsCatalogue Standards => _standards ??= StandardsParser.Load(ReadStandards(StandardsFolder()), StandardsFolder());

    /// <summary>
    /// Reads every <c>*.md</c> file in the folder through the same checks as any input file; a
    /// file that cannot be read (a device, a pipe, no permission, not UTF-8 text) is reported by
    /// name, all of them at once.
    /// </summary>
    public IReadOnlyList<StandardsFile> ReadStandards(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"The standards folder '{folder}' does not exist.");
        }

        List<string> paths;
        try
        {
            paths = [.. Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new UsageException($"The standards folder '{folder}' could not be read: {ex.Message}");
        }

        var read = new List<StandardsFile>();
        var problems = new List<(string File, string Message)>();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            var text = files.Read(name, path);
            if (text.Text is { } content)
            {
                read.Add(new StandardsFile(name, content));
            }
            else
            {
                problems.Add((name, text.Message!));
            }
        }

        return problems.Count == 0 ? read : throw new UnreadableStandardsException(folder, problems);
    }

    /// <summary>
    /// Reads a whole input file as bytes (a workbook), with the same refusals as <see cref="ReadFile"/>
    /// for a missing file, a folder, a device or a pipe, and a file over the size limit.
    /// </summary>
    public byte[] ReadBytes(string path)
    {
        var read = files.ReadBytes(path, Resolve(path));
        return read.Failure switch
        {
            ReadFailure.None => read.Bytes!,
            ReadFailure.Usage => throw new UsageException(read.Message!),
            _ => throw new UnreadableFileException(path, read.Message!),
        };
    }

    /// <summary>
    /// Reads a whole input file as UTF-8 bytes, with the refusals and messages of
    /// <see cref="ReadFile"/>: for a large file (a tender), so that it is not also held as a string.
    /// </summary>
    public ReadOnlyMemory<byte> ReadUtf8(string path)
    {
        var text = files.ReadUtf8(path, Resolve(path));
        return text.Failure switch
        {
            ReadFailure.None => text.Utf8,
            ReadFailure.Usage => throw new UsageException(text.Message!),
            _ => throw new UnreadableFileException(path, text.Message!),
        };
    }

    /// <summary>
    /// Reads a whole input file. A name that leads to no readable file is a usage error naming
    /// it; a file that is not text this toolkit reads is reported as that file's problem.
    /// </summary>
    public string ReadFile(string path)
    {
        var text = files.Read(path, Resolve(path));
        return text.Failure switch
        {
            ReadFailure.None => text.Text!,
            ReadFailure.Usage => throw new UsageException(text.Message!),
            _ => throw new UnreadableFileException(path, text.Message!),
        };
    }

    /// <summary>
    /// Prints why the application service refused a file: problems reading it as they are (each
    /// names its place), rules broken as a list. Returns the exit code for them.
    /// </summary>
    public int Failed<T>(string file, Commissioning.Application.Outcome<T> outcome) =>
        outcome.Failure == Commissioning.Application.FailureKind.Unreadable
            ? Problems(file, outcome.Errors)
            : Invalid(file, outcome.Errors.Select(e => e.Message));

    /// <summary>As <see cref="Failed{T}"/>, with each broken rule prefixed by its JSON path.</summary>
    public int FailedWithPaths<T>(string file, Commissioning.Application.Outcome<T> outcome) =>
        outcome.Failure == Commissioning.Application.FailureKind.Unreadable
            ? Problems(file, outcome.Errors)
            : Invalid(file, outcome.Errors.Select(e => e.Location is { } where ? $"{where.Describe()}: {e.Message}" : e.Message));

    /// <summary>Prints the application service's reading problems, each of which names its place.</summary>
    public int Problems(string file, IReadOnlyList<Commissioning.Application.AppError> problems) =>
        Problems(file, [.. problems.Select(p => new FileProblem(p.Location?.Describe() ?? "$", p.Message))]);

    /// <summary>Prints a file's problems, one a line with the JSON path, and returns the exit code for them.</summary>
    public int Problems(string file, IReadOnlyList<FileProblem> problems)
    {
        Output.WriteLine($"{file} could not be read: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}.");
        foreach (var problem in problems)
        {
            // Each message already names its place (the JSON path), so print it as it is.
            Output.WriteLine($"  {problem.Message}");
        }

        return ExitCodes.ValidationErrors;
    }

    /// <summary>
    /// Checks each profile against the profile rules; prints the failures, naming each
    /// organisation, and returns the exit code for them, or null when every profile is valid.
    /// (Reading the file has already refused an empty list.)
    /// </summary>
    public int? InvalidProfiles(string file, IReadOnlyList<OrganisationProfile> profiles)
    {
        var validator = new OrganisationProfileValidator();
        var errors = profiles
            .SelectMany((p, i) => validator.Validate(p).Errors.Select(e => $"Organisation {i + 1} ({(string.IsNullOrWhiteSpace(p.Name) ? "no name" : p.Name)}): {e.ErrorMessage}."))
            .ToList();
        return errors.Count > 0 ? Invalid(file, errors) : null;
    }

    /// <summary>Prints validation failures and returns the exit code for them.</summary>
    public int Invalid(string file, IEnumerable<string> messages)
    {
        var list = messages.ToList();
        Output.WriteLine($"{file} breaks {list.Count} rule{(list.Count == 1 ? "" : "s")}:");
        foreach (var message in list)
        {
            Output.WriteLine($"  - {message}");
        }

        return ExitCodes.ValidationErrors;
    }
}
