using System.Text.Json.Nodes;
using Commissioning.Core.Files;
using Commissioning.Core.Tenders;

namespace Commissioning.Tests.Files;

/// <summary>
/// Tender files as version 1 of the format wrote them: the pack written by this toolkit, with the
/// fields version 2 added taken out and the version set to 1.
/// </summary>
internal static class Version1
{
    private static readonly string[] NewLotFields = ["sectionWeights", "weights", "qualityMethod", "abnormallyLowPercent"];

    /// <summary>The pack as a version 1 file. Its lots must use only version 1 features (weights in percent, absolute quality, the default price check).</summary>
    public static string Write(TenderPack pack)
    {
        var root = JsonNode.Parse(TenderFile.Write(pack))!.AsObject();
        root["version"] = 1;
        root.Remove("lowPriceDecisions");
        root.Remove("conflictDeclarations");
        foreach (var lot in root["tender"]!["lots"]!.AsArray().Select(l => l!.AsObject()))
        {
            foreach (var field in NewLotFields)
            {
                lot.Remove(field);
            }

            foreach (var section in lot["sections"]!.AsArray().Select(s => s!.AsObject()))
            {
                section.Remove("questionWeights");
            }
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
