using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Mqtt;
using EnergyTap.FranklinWH.Cloud.SmartCircuits;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    /// <summary>cmdType 311 read.</summary>
    public async Task<SmartCircuitsInfo> GetSmartCircuitsAsync(string gatewayId, CancellationToken cancellationToken = default) =>
        SmartCircuitsInfo.From(await ReadSmartCircuitsRawAsync(gatewayId, cancellationToken));

    /// <summary>
    /// Switches smart circuit 1 or 2: reads 311, patches SwNMode/SwNProLoad/SwNMsgType, writes the whole set back.
    /// Circuit 3 is the V2L port and only moves through <see cref="SetV2lModeAsync"/>.
    /// </summary>
    public async Task<SmartCircuitsInfo> SetSmartCircuitAsync(string gatewayId, int circuit, bool on, CancellationToken cancellationToken = default)
    {
        if (circuit is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(circuit), circuit,
                circuit == 3 ? "circuit 3 is the CarSW (V2L) port; use the V2L command" : "smart circuits are numbered 1 and 2");
        }

        return await PatchCircuitAsync(gatewayId, circuit, on, cancellationToken);
    }

    /// <summary>span/getSpanSetting: whether the SPAN panel integration is on (spanFlag); null when the cloud does not say.</summary>
    public async Task<bool?> GetSpanSettingAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var result = await GetAsync("span/getSpanSetting", [Q("gatewayId", gatewayId)], cancellationToken);
        return result.Bool("spanFlag");
    }

    private async Task<JsonElement> ReadSmartCircuitsRawAsync(string gatewayId, CancellationToken cancellationToken) =>
        await SendMqttAsync(gatewayId, MqttCommandTypes.SmartCircuits, new JsonObject { ["opt"] = 0 }, cancellationToken);

    /// <summary>Read-modify-write of 311, so the circuits we do not touch keep their names and states.</summary>
    private async Task<SmartCircuitsInfo> PatchCircuitAsync(string gatewayId, int circuit, bool on, CancellationToken cancellationToken)
    {
        var current = await ReadSmartCircuitsRawAsync(gatewayId, cancellationToken);
        if (current.Int($"Sw{circuit}Mode") is null)
        {
            throw new CloudApiException(CloudErrorCodes.NotProvisioned, $"FranklinWH cloud: smart circuit {circuit} does not exist on this gateway.");
        }

        var patch = JsonNode.Parse(current.GetRawText())!.AsObject();
        // Status the aGate reports but a write does not carry.
        foreach (var readOnly in new[] { "modeChoose", "v2lModeEnable", "v2lRunState" })
        {
            patch.Remove(readOnly);
        }

        patch["opt"] = 1;
        patch[$"Sw{circuit}Mode"] = on ? 1 : 0;
        patch[$"Sw{circuit}ProLoad"] = on ? 0 : 1;
        patch[$"Sw{circuit}MsgType"] = 1;
        var answer = await SendMqttAsync(gatewayId, MqttCommandTypes.SmartCircuits, patch, cancellationToken);
        return SmartCircuitsInfo.From(answer);
    }
}
