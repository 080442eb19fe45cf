using Commissioning.Core.Profiles;

namespace Commissioning.Core.Files;

/// <summary>
/// The profiles file (<c>oh-profiles</c>, version 1): one or more organisation profiles, such as
/// the members of an ICS buying together. Described in docs/tender-format.md.
/// </summary>
public static class ProfilesFile
{
    /// <summary>The value of the file's <c>format</c> field.</summary>
    public const string Format = "oh-profiles";

    /// <summary>The version this toolkit reads and writes.</summary>
    public const int Version = 1;

    private static readonly JsonFileFormat<ProfilesBody> JsonFormat = new(Format, Version);

    /// <summary>Writes organisation profiles as a profiles file: indented, "\n" line ends, a final newline.</summary>
    /// <exception cref="ArgumentException">There are no organisations: the format needs at least one.</exception>
    /// <exception cref="System.Text.Json.JsonException">A profile holds a value the format cannot name, such as an undefined enum value.</exception>
    public static string Write(IReadOnlyList<OrganisationProfile> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        if (organisations.Count == 0)
        {
            throw new ArgumentException("A profiles file holds at least one organisation.", nameof(organisations));
        }

        return JsonFormat.Write(new ProfilesBody { Organisations = organisations });
    }

    /// <summary>Reads a profiles file, or lists every structural problem with its JSON path.</summary>
    public static FileReadResult<IReadOnlyList<OrganisationProfile>> Read(string json)
    {
        var result = JsonFormat.Read(json);
        if (!result.Succeeded)
        {
            return FileReadResult.Failure<IReadOnlyList<OrganisationProfile>>(result.Problems);
        }

        return result.Value.Organisations.Count == 0
            ? FileReadResult.Failure<IReadOnlyList<OrganisationProfile>>("$.organisations", "$.organisations is empty; list at least one organisation.")
            : FileReadResult.Success(result.Value.Organisations);
    }
}

/// <summary>The fields of a profiles file after its header.</summary>
internal sealed record ProfilesBody
{
    /// <summary>The organisations.</summary>
    public required IReadOnlyList<OrganisationProfile> Organisations { get; init; }
}
