using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Commissioning.Core.Files;

/// <summary>
/// The serializer settings every file format shares: camelCase field names, kebab-case enum values,
/// ISO dates, unknown fields refused, computed properties left out, sets and dictionaries in a
/// stable order, two-space indentation with "\n" line ends.
/// </summary>
internal static class FileJson
{
    /// <summary>Every format this toolkit knows, so that a file of the wrong kind can be named.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = [TenderFile.Format, ProfilesFile.Format, DeclarationsFile.Format, EvaluationFile.Format];

    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The same options without indentation: for values stored in a database column or an audit entry.</summary>
    public static JsonSerializerOptions Compact { get; } = CreateOptions(indented: false);

    /// <summary>
    /// The writer options. The relaxed encoder keeps apostrophes, ampersands and pound signs as
    /// they are: the files are read by people and by this toolkit, never embedded in HTML.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonSerializerOptions CreateOptions(bool indented = true)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            NewLine = "\n",
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputedProperties } },
        };
        options.Converters.Add(new EnumSetConverterFactory());
        options.Converters.Add(new SortedDictionaryConverterFactory());
        options.Converters.Add(new KebabEnumConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Leaves out properties with no setter, such as <c>OrganisationProfile.IsSmallerOrganisation</c>:
    /// they are worked out from the others, so they are neither written nor accepted.
    /// </summary>
    private static void LeaveOutComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
