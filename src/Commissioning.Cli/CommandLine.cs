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

        Options:
          --standards <folder>                            The rule sets to use (default: ./standards, else those shipped with the tool)

        Exit codes: 0 success, 1 validation errors (printed), 2 usage errors.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Output is the same on every machine: "7,800 staff", never "7.800 staff".
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            var arguments = Arguments.Parse(args);
            var context = new CommandContext(output, error, workingDirectory, arguments.Option("standards"));
            return arguments.Positional switch
            {
                ["standards", "check"] => StandardsCommands.Check(context, null),
                ["standards", "check", var folder] => StandardsCommands.Check(context, folder),
                ["tailor", var profiles] => TailorCommand.Run(context, profiles),
                ["evaluate", var tender] => EvaluateCommand.Run(context, tender, arguments.Flag("json")),
                ["readiness", var target, var declarations] => ReadinessCommand.Run(context, target, declarations, arguments.Option("lot")),
                ["help"] => ShowUsage(output, ExitCodes.Success),
                [] => UsageError(error, "Name a command."),
                _ => UsageError(error, $"Unknown command or wrong number of arguments: {string.Join(' ', args)}"),
            };
        }
        catch (UsageException ex)
        {
            return UsageError(error, ex.Message);
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
        writer.WriteLine(Usage);
        return code;
    }

    private static int UsageError(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine();
        return ShowUsage(error, ExitCodes.UsageError);
    }
}

/// <summary>A usage mistake, reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Positional arguments, <c>--flags</c> and <c>--option value</c> pairs.</summary>
internal sealed class Arguments
{
    private static readonly string[] Flags = ["json"];
    private static readonly string[] Options = ["standards", "lot"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
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
                    throw new UsageException($"The option --{name} needs a value.");
                }

                parsed._options[name] = args[++i];
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

/// <summary>What every command needs: writers, the working directory, and the standards.</summary>
internal sealed class CommandContext(TextWriter output, TextWriter error, string workingDirectory, string? standardsOption)
{
    private StandardsCatalogue? _standards;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

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

    /// <summary>Reads the standards, or throws <see cref="StandardsLoadException"/>.</summary>
    public StandardsCatalogue Standards => _standards ??= StandardsParser.Load(ReadStandards(StandardsFolder()), StandardsFolder());

    public static IReadOnlyList<StandardsFile> ReadStandards(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(f => new StandardsFile(Path.GetFileName(f), File.ReadAllText(f)))]
            : throw new UsageException($"The standards folder '{folder}' does not exist.");

    /// <summary>Reads a whole input file, or reports a usage error naming it.</summary>
    public string ReadFile(string path)
    {
        var full = Resolve(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"'{path}' is a folder. Name a file.");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"The file '{path}' does not exist.");
        }

        const long Limit = 50 * 1024 * 1024;
        if (new FileInfo(full).Length > Limit)
        {
            throw new UsageException($"The file '{path}' is larger than 50 MB; this tool does not read files that large.");
        }

        return File.ReadAllText(full);
    }

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
