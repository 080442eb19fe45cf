using Commissioning.Core.Profiles;
using Commissioning.Documents.Excel.Response;
using Commissioning.Core.Evaluation;
using Commissioning.Core.Files;
using Commissioning.Core.Standards;
using Commissioning.Core.Tenders;
using Commissioning.Core.Tenders.Validation;
using Commissioning.Core.Text;

namespace Commissioning.Application;

/// <summary>
/// Read, validate and evaluate: the steps every way in (the command line, the site, an import)
/// takes with a tender or declarations file. Each problem comes back with its JSON path.
/// </summary>
public static class TenderFiles
{
    /// <summary>
    /// Reads a tender file and checks the whole pack (tender, bids, scores, moderation and
    /// decisions) against the rules. Unreadable: every structural problem; Invalid: every rule broken.
    /// </summary>
    public static Outcome<TenderPack> ReadPack(string json, StandardsCatalogue? standards) => Checked(TenderFile.Read(json), standards);

    /// <summary>
    /// As <see cref="ReadPack(string, StandardsCatalogue?)"/>, from the file's UTF-8 bytes: an
    /// ICS-scale tender is over 20 MB, and holding it as a string too would double the memory.
    /// </summary>
    public static Outcome<TenderPack> ReadPack(ReadOnlyMemory<byte> utf8, StandardsCatalogue? standards) => Checked(TenderFile.Read(utf8), standards);

    /// <summary>The tender's rules as the response workbook reader applies them to a pack with the new bid in it.</summary>
    public static Func<TenderPack, IReadOnlyList<RuleBreach>> Rules(StandardsCatalogue? standards) =>
        pack => [.. new TenderPackValidator(standards).Validate(pack).Errors.Select(e => new RuleBreach(e.PropertyName, e.ErrorMessage))];

    /// <summary>Evaluates a valid pack without the robustness analysis (for a bidder's assessment summary).</summary>
    public static TenderResult EvaluateOnly(TenderPack pack) => TenderEvaluator.Evaluate(pack);

    private static Outcome<TenderPack> Checked(FileReadResult<TenderPack> read, StandardsCatalogue? standards)
    {
        if (!read.Succeeded)
        {
            return Unreadable<TenderPack>(read.Problems);
        }

        var validation = new TenderPackValidator(standards).Validate(read.Value);
        return validation.IsValid
            ? Outcome<TenderPack>.Success(read.Value)
            : Outcome<TenderPack>.Fail(FailureKind.Invalid, validation.Errors.Select(e => new AppError(e.ErrorMessage, new JsonPathLocation(TenderFile.JsonPath(e.PropertyName)))));
    }

    /// <summary>
    /// The text of an uploaded file: UTF-8 (with or without a byte order mark) or UTF-16 with its
    /// byte order mark; anything else is unreadable, with a plain message.
    /// </summary>
    public static Outcome<string> Decode(ReadOnlySpan<byte> bytes)
    {
        var decoded = FileText.Decode(bytes);
        return decoded.Succeeded ? Outcome<string>.Success(decoded.Value) : Unreadable<string>(decoded.Problems);
    }

    /// <summary>Reads a tender file and checks only the tender's definition (for readiness, which needs no bids).</summary>
    public static Outcome<TenderPack> ReadDefinition(string json, StandardsCatalogue? standards)
    {
        var read = TenderFile.Read(json);
        if (!read.Succeeded)
        {
            return Unreadable<TenderPack>(read.Problems);
        }

        var validation = new TenderValidator(standards).Validate(read.Value.Tender);
        return validation.IsValid
            ? Outcome<TenderPack>.Success(read.Value)
            : Outcome<TenderPack>.Fail(FailureKind.Invalid, validation.Errors.Select(e => new AppError(e.ErrorMessage, new JsonPathLocation(TenderFile.JsonPath("Tender." + e.PropertyName)))));
    }

    /// <summary>Reads a declarations file and checks the provider's name and the declarations (dates against today).</summary>
    public static Outcome<(string Provider, Declarations Declarations)> ReadDeclarations(string json, StandardsCatalogue? standards, DateOnly today)
    {
        var read = DeclarationsFile.Read(json);
        if (!read.Succeeded)
        {
            return Unreadable<(string, Declarations)>(read.Problems);
        }

        var (provider, declared) = read.Value;
        var errors = new List<AppError>();
        if (TextRules.Check(provider, TextShape.OneLine) is { } problem)
        {
            errors.Add(new AppError(TextRules.Message("The provider name", problem, TextShape.OneLine) + ".", new JsonPathLocation("$.provider")));
        }

        var validation = new DeclarationsValidator($"{provider}'s declarations", standards, today).Validate(declared);
        errors.AddRange(validation.Errors.Select(e => new AppError(e.ErrorMessage, new JsonPathLocation(TenderFile.JsonPath("Declarations." + e.PropertyName)))));
        return errors.Count == 0
            ? Outcome<(string, Declarations)>.Success(read.Value)
            : Outcome<(string, Declarations)>.Fail(FailureKind.Invalid, errors);
    }

    /// <summary>Reads an <c>oh-profiles</c> file and checks each organisation's profile.</summary>
    public static Outcome<IReadOnlyList<OrganisationProfile>> ReadProfiles(string json)
    {
        var read = ProfilesFile.Read(json);
        if (!read.Succeeded)
        {
            return Unreadable<IReadOnlyList<OrganisationProfile>>(read.Problems);
        }

        var validator = new OrganisationProfileValidator();
        var errors = read.Value.SelectMany((profile, i) => validator.Validate(profile).Errors
            .Select(e => new AppError($"Organisation {i + 1}{(string.IsNullOrWhiteSpace(profile.Name) ? "" : $" ({profile.Name})")}: {e.ErrorMessage}.", new JsonPathLocation($"$.organisations[{i}]")))).ToList();
        return errors.Count == 0
            ? Outcome<IReadOnlyList<OrganisationProfile>>.Success(read.Value)
            : Outcome<IReadOnlyList<OrganisationProfile>>.Fail(FailureKind.Invalid, errors);
    }

    /// <summary>Evaluates a valid pack: results and how robust they are, from one build of each lot's scores.</summary>
    public static (TenderResult Result, IReadOnlyList<LotRobustness> Robustness) Evaluate(TenderPack pack) =>
        TenderEvaluator.EvaluateWithRobustness(pack);

    private static Outcome<T> Unreadable<T>(IReadOnlyList<FileProblem> problems) =>
        Outcome<T>.Fail(FailureKind.Unreadable, problems.Select(p => new AppError(p.Message, new JsonPathLocation(p.Path))));
}
