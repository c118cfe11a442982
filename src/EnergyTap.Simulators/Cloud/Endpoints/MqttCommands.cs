using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>What the simulated aGate answers to each relayed cmdType; null = not available on this hardware.</summary>
internal static class MqttCommands
{
    public static JsonObject? Answer(GatewayState gw, int cmdType, JsonObject request) => cmdType switch
    {
        203 => new JsonObject { ["refreshData"] = 1, ["run_status"] = 1, ["mode"] = gw.ActiveProfile.WorkMode, ["offgridreason"] = gw.OffGrid ? 1 : 0 },
        211 => new JsonObject
        {
            ["gridRelayStat"] = gw.OffGrid ? 0 : 1,
            ["genRelayStat"] = gw.GeneratorStat,
            ["evRelayStat"] = gw.V2lRunState == 2 ? 1 : 0,
        },
        311 when gw.HasSmartCircuits => SmartCircuits(gw, request),
        353 when Option(request) == 2 && gw.V2lPort => new JsonObject
        {
            ["CarSWPower"] = gw.V2lRunState == 2 ? 2.8 : 0, ["CarSWCurrent"] = gw.V2lRunState == 2 ? 12.3 : 0,
            ["CarSWExpEnergy"] = 14.2, ["CarSWImpEnergy"] = 0.0,
            ["SW1ExpPower"] = gw.CircuitOn[1] ? 0.6 : 0, ["SW2ExpPower"] = gw.CircuitOn[2] ? 0.4 : 0,
        },
        353 when Option(request) == 3 && gw.HasGenerator => new JsonObject
        {
            ["genPower"] = gw.GeneratorStat == 1 ? 3.5 : 0, ["genVoltage"] = gw.GeneratorStat == 1 ? 240.1 : 0,
            ["genCurrent"] = gw.GeneratorStat == 1 ? 14.6 : 0, ["genFrequency"] = gw.GeneratorStat == 1 ? 60.0 : 0,
        },
        _ => null,
    };

    private static int? Option(JsonObject request) => request["option"]?.GetValue<int>();

    /// <summary>opt 0 reads; opt 1 writes every circuit whose SwNMsgType is 1, as seed 000's hypothesis describes.</summary>
    private static JsonObject SmartCircuits(GatewayState gw, JsonObject request)
    {
        var circuits = gw.V2lPort ? 3 : 2;
        if (request["opt"]?.GetValue<int>() == 1)
        {
            for (var n = 1; n <= circuits; n++)
            {
                if (request[$"Sw{n}MsgType"]?.GetValue<int>() == 1 && request[$"Sw{n}Mode"] is { } mode)
                {
                    gw.CircuitOn[n] = mode.GetValue<int>() == 1;
                }
            }
        }

        var answer = new JsonObject { ["modeChoose"] = circuits, ["v2lModeEnable"] = gw.Definition.V2lLicensed ? 1 : 0, ["v2lRunState"] = gw.V2lRunState };
        for (var n = 1; n <= circuits; n++)
        {
            answer[$"Sw{n}Name"] = gw.CircuitName[n];
            answer[$"Sw{n}Mode"] = gw.CircuitOn[n] ? 1 : 0;
            answer[$"Sw{n}ProLoad"] = gw.CircuitOn[n] ? 0 : 1;
        }

        return answer;
    }
}
