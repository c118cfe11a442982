using System.Globalization;
using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>Get_Comm / communication/interfaces and network/interfaces.</summary>
internal static class NetworkPayloads
{
    public static JsonObject CommunicationInterfaces(DateTimeOffset now) => new()
    {
        ["networkstatus"] = new JsonObject
        {
            ["interfaces"] = new JsonArray
            {
                new JsonObject
                {
                    ["interface"] = "wan", ["internet"] = "up", ["ipaddr"] = "192.168.20.10", ["link"] = "connected",
                    ["mode"] = "wan", ["sms"] = "reachable", ["state"] = "up",
                },
                new JsonObject
                {
                    ["interface"] = "plc", ["internet"] = "down", ["ipaddr"] = "", ["link"] = "disconnected",
                    ["pairing"] = "unpaired", ["sms"] = "unreachable", ["speed"] = 0, ["state"] = "down",
                },
                new JsonObject
                {
                    ["interface"] = "sta0", ["internet"] = "down", ["ipaddr"] = "", ["signal"] = "-74",
                    ["sms"] = "unreachable", ["ssid"] = "", ["status"] = "disconnected",
                },
                new JsonObject
                {
                    ["interface"] = "cell", ["internet"] = "down", ["ipaddr"] = "", ["is_primary"] = false,
                    ["link"] = "disconnected", ["modem"] = "MODEM_OK", ["provider"] = "UNKNOWN", ["signal"] = 0,
                    ["sim"] = "SIM_READY", ["sms"] = "unreachable", ["state"] = "DOWN", ["status"] = "NOT_REGISTERED",
                },
            },
            ["system"] = new JsonObject { ["interface"] = "wan", ["internet"] = "up", ["sms"] = "reachable" },
            ["ts"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        },
        ["result"] = "succeed",
    };

    public static JsonArray NetworkInterfaces() =>
    [
        new JsonObject { ["interface"] = "wan", ["alias"] = "Ethernet" },
        new JsonObject { ["interface"] = "sta0", ["alias"] = "Wi-Fi" },
        new JsonObject { ["interface"] = "plc", ["alias"] = "Power line" },
        new JsonObject { ["interface"] = "cell", ["alias"] = "Cellular" },
    ];
}
