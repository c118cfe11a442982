using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>Small commissioning answers: discovery progress, cellular purchase, firmware check, power production.</summary>
internal static class CommissioningPayloads
{
    public static JsonObject DiscoveryProgress(PvsInventory inventory) => new()
    {
        ["progress"] = new JsonArray
        {
            new JsonObject { ["TYPE"] = "PVS5-METER", ["PROGR"] = 100, ["NFOUND"] = 2 },
            new JsonObject { ["TYPE"] = "MI", ["PROGR"] = 100, ["NFOUND"] = inventory.Inverters.Count },
        },
        ["complete"] = true,
        ["result"] = "succeed",
    };

    public static JsonObject CellPurchased(bool withResult)
    {
        var body = new JsonObject { ["cell_purchased"] = "null" };
        if (withResult)
        {
            body["result"] = "succeed";
        }

        return body;
    }

    public static JsonObject CheckFirmware() => new() { ["url"] = "none" };

    public static JsonObject Succeed() => new() { ["result"] = "succeed" };

    public static JsonObject UnknownCommand() => new() { ["result"] = "unknown command" };

    public static JsonObject PowerProduction() => new() { ["powerProduction"] = "On", ["result"] = "succeed" };
}
