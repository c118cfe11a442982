using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>What the simulated aGate answers to each relayed cmdType; null = not available on this hardware.</summary>
internal static class MqttCommands
{
    /// <summary>Why a request was refused (a 500 answer), or null.</summary>
    public sealed record Refusal(string Message);

    public static JsonObject? Answer(GatewayState gw, int cmdType, JsonObject request, out Refusal? refusal)
    {
        refusal = null;
        switch (cmdType)
        {
            case 203:
                return new JsonObject { ["refreshData"] = 1, ["run_status"] = 1, ["mode"] = gw.ActiveProfileId, ["name"] = gw.ActiveProfile.Name, ["offgridreason"] = gw.OffGrid ? 1 : null };
            case 211:
                return new JsonObject
                {
                    ["gridRelayStat"] = gw.OffGrid ? 0 : 1,
                    ["genRelayStat"] = gw.GeneratorStat,
                    ["evRelayStat"] = gw.V2lRunState == 2 ? 1 : 0,
                };
            case 311 when gw.HasSmartCircuits:
                return SmartCircuits(gw, request, out refusal);
            case 353:
                return AccessoryPower(gw, request);
            default:
                return null;
        }
    }

    /// <summary>
    /// Without an option (the live clients send {"opt":0}) or with option 2: the smart-circuit and CarSW (V2L) loads.
    /// Option 3: the generator.
    /// </summary>
    private static JsonObject? AccessoryPower(GatewayState gw, JsonObject request)
    {
        var option = Int(request, "option");
        if (option is null or 2 && gw.HasSmartCircuits)
        {
            var v2lActive = gw.V2lRunState == 2;
            return new JsonObject
            {
                ["SW1ExpPower"] = gw.CircuitOn[1] ? 0.6 : 0, ["SW2ExpPower"] = gw.CircuitOn[2] ? 0.4 : 0,
                ["CarSWPower"] = v2lActive ? 2.8 : 0, ["CarSWCurrent"] = v2lActive ? 12.3 : 0,
                ["CarSWExpEnergy"] = gw.V2lPort ? 14.2 : 0, ["CarSWImpEnergy"] = 0.0,
            };
        }

        if (option == 3 && gw.HasGenerator)
        {
            var running = gw.GeneratorStat == 1;
            return new JsonObject
            {
                ["genPower"] = running ? 3.5 : 0, ["genVoltage"] = running ? 240.1 : 0,
                ["genCurrent"] = running ? 14.6 : 0, ["genFrequency"] = running ? 60.0 : 0,
            };
        }

        return null;
    }

    /// <summary>
    /// {"opt":0} reads SwMerge and every SwN field. {"opt":1} writes: it must carry the whole set a read returned
    /// (clients read, modify and write it back), and it changes the circuits whose SwNMsgType is 1.
    /// </summary>
    private static JsonObject? SmartCircuits(GatewayState gw, JsonObject request, out Refusal? refusal)
    {
        refusal = null;
        var circuits = gw.V2lPort ? 3 : 2;
        if (Int(request, "opt") == 1)
        {
            var missing = Enumerable.Range(1, circuits).SelectMany(n => new[] { $"Sw{n}Mode", $"Sw{n}Name" }).Prepend("SwMerge")
                .Where(k => request[k] is null).ToList();
            if (missing.Count > 0)
            {
                refusal = new Refusal($"311 write without {string.Join(", ", missing)}: write back the whole set a read returned");
                return null;
            }

            gw.SwMerge = Int(request, "SwMerge") ?? gw.SwMerge;
            for (var n = 1; n <= circuits; n++)
            {
                if (Int(request, $"Sw{n}MsgType") == 1)
                {
                    gw.CircuitOn[n] = Int(request, $"Sw{n}Mode") == 1;
                    gw.CircuitName[n] = request[$"Sw{n}Name"]!.GetValueKind() == JsonValueKind.String ? request[$"Sw{n}Name"]!.GetValue<string>() : gw.CircuitName[n];
                }
            }

            if (gw.SwMerge == 1)
            {
                gw.CircuitOn[2] = gw.CircuitOn[1];
            }
        }

        var answer = new JsonObject
        {
            ["SwMerge"] = gw.SwMerge,
            ["modeChoose"] = circuits,
            ["v2lModeEnable"] = gw.Definition.V2lLicensed ? 1 : 0,
            ["v2lRunState"] = gw.V2lRunState,
        };
        for (var n = 1; n <= circuits; n++)
        {
            answer[$"Sw{n}Name"] = gw.CircuitName[n];
            answer[$"Sw{n}Mode"] = gw.CircuitOn[n] ? 1 : 0;
            answer[$"Sw{n}ProLoad"] = gw.CircuitOn[n] ? 0 : 1;
            answer[$"Sw{n}MsgType"] = 0;
            answer[$"Sw{n}SocLowSet"] = 10;
            answer[$"Sw{n}AtuoEn"] = 0;
            answer[$"Sw{n}Freq"] = 0;
            answer[$"Sw{n}TimeEn"] = new JsonArray(0, 0);
            answer[$"Sw{n}Time"] = new JsonArray("00:00-00:00", "00:00-00:00");
            answer[$"Sw{n}TimeSet"] = new JsonArray(0, 0);
        }

        return answer;
    }

    private static int? Int(JsonObject request, string name) =>
        request[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
