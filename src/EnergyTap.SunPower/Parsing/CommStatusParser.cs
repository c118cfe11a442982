using System.Text.Json;
using EnergyTap.SunPower.Legacy;

namespace EnergyTap.SunPower.Parsing;

/// <summary>Reads {"networkstatus":{"interfaces":[...],"system":{...},"ts":"…"}} from Get_Comm and communication/interfaces.</summary>
public static class CommStatusParser
{
    public static PvsCommStatus Parse(JsonElement root)
    {
        PvsJson.EnsureSucceeded(root, "Get_Comm");
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("networkstatus", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            throw new PvsProtocolException("Get_Comm: the answer has no \"networkstatus\" object");
        }

        var interfaces = new List<PvsNetworkInterface>();
        if (status.TryGetProperty("interfaces", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                interfaces.Add(new PvsNetworkInterface(
                    PvsJson.String(item, "interface"),
                    PvsJson.String(item, "internet"),
                    PvsJson.String(item, "ipaddr"),
                    PvsJson.String(item, "link") ?? PvsJson.String(item, "status"),
                    PvsJson.String(item, "state"),
                    PvsJson.String(item, "sms"),
                    PvsJson.String(item, "ssid"),
                    PvsJson.String(item, "signal"))
                { Fields = PvsJson.Fields(item) });
            }
        }

        status.TryGetProperty("system", out var system);
        return new PvsCommStatus(
            interfaces,
            PvsJson.String(system, "interface"),
            PvsJson.String(system, "internet"),
            PvsJson.String(system, "sms"),
            PvsValues.ParseTime(PvsJson.String(status, "ts")));
    }
}
