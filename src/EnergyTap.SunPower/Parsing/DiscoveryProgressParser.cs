using System.Text.Json;
using EnergyTap.SunPower.Legacy;

namespace EnergyTap.SunPower.Parsing;

/// <summary>Reads {"progress":[{"TYPE","PROGR","NFOUND"}],"complete":bool,"result":"succeed"}.</summary>
public static class DiscoveryProgressParser
{
    public static PvsDiscoveryProgress Parse(JsonElement root)
    {
        PvsJson.EnsureSucceeded(root, "GetDiscoveryProgress");
        var steps = new List<PvsDiscoveryStep>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in progress.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                steps.Add(new PvsDiscoveryStep(
                    PvsJson.String(item, "TYPE"),
                    (int?)PvsValues.ParseInteger(PvsJson.String(item, "PROGR")),
                    (int?)PvsValues.ParseInteger(PvsJson.String(item, "NFOUND"))));
            }
        }

        return new PvsDiscoveryProgress(steps, PvsJson.Flag(root, "complete"));
    }
}
