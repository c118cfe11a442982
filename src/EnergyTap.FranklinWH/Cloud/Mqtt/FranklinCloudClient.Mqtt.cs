using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Mqtt;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    private int _snno;

    /// <summary>
    /// Relays one command to the aGate through the cloud (sendMqtt) and returns the aGate's answer: the reply's
    /// result.dataArea, which arrives as a JSON string and is decoded here. The request carries dataArea as an object.
    /// </summary>
    public async Task<JsonElement> SendMqttAsync(string gatewayId, int cmdType, JsonObject dataArea, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var frame = MqttFrame.Create(cmdType, gatewayId, dataArea, _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds(), Interlocked.Increment(ref _snno));
        var result = await PostJsonBytesAsync("sendMqtt", frame.ToRequestBody(), cancellationToken);
        if (!result.IsObject() || !result.TryGetProperty("dataArea", out var area))
        {
            throw new CloudApiException(CloudErrorCodes.ServerError, $"FranklinWH cloud sendMqtt {cmdType}: the answer has no dataArea.");
        }

        if (result.Int("cmdType") is { } echoed && echoed != cmdType)
        {
            throw new CloudApiException(CloudErrorCodes.ServerError, $"FranklinWH cloud sendMqtt {cmdType}: the answer is for cmdType {echoed}.");
        }

        try
        {
            // The live relay answers a string; an object is taken as well, in case a proxy decoded it.
            return area.ValueKind == JsonValueKind.String ? JsonDocument.Parse(area.GetString()!).RootElement.Clone() : area.Clone();
        }
        catch (JsonException)
        {
            throw new CloudApiException(CloudErrorCodes.ServerError, $"FranklinWH cloud sendMqtt {cmdType}: dataArea is not JSON.");
        }
    }

    /// <summary>cmdType 203: asks the aGate to refresh its status and returns what it sent.</summary>
    public Task<JsonElement> RefreshStatusAsync(string gatewayId, CancellationToken cancellationToken = default) =>
        SendMqttAsync(gatewayId, MqttCommandTypes.Status, new JsonObject { ["opt"] = 1, ["refreshData"] = 1 }, cancellationToken);

    /// <summary>cmdType 211: relay states, including the V2L contactor.</summary>
    public async Task<RelayStates> GetRelaysAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        var data = await SendMqttAsync(gatewayId, MqttCommandTypes.Electrical, new JsonObject { ["opt"] = 0 }, cancellationToken);
        return new RelayStates(data.Int("gridRelayStat"), data.Int("genRelayStat"), data.Int("evRelayStat"));
    }

    /// <summary>cmdType 353 {"opt":0} (no option, as the live clients ask): smart-circuit and V2L (CarSW) power and energy.</summary>
    public async Task<V2lPower> GetV2lPowerAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        var data = await SendMqttAsync(gatewayId, MqttCommandTypes.AccessoryPower, new JsonObject { ["opt"] = 0 }, cancellationToken);
        return new V2lPower(data.Double("CarSWCurrent"), data.Double("CarSWPower"), data.Double("CarSWImpEnergy"), data.Double("CarSWExpEnergy"),
            data.Double("SW1ExpPower"), data.Double("SW2ExpPower"));
    }

    /// <summary>cmdType 353 option 3: generator live power.</summary>
    public async Task<GeneratorPower> GetGeneratorPowerAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        var data = await AccessoryPowerAsync(gatewayId, 3, cancellationToken);
        return new GeneratorPower(data.Double("genPower"), data.Double("genVoltage"), data.Double("genCurrent"), data.Double("genFrequency"));
    }

    private Task<JsonElement> AccessoryPowerAsync(string gatewayId, int option, CancellationToken cancellationToken) =>
        SendMqttAsync(gatewayId, MqttCommandTypes.AccessoryPower, new JsonObject { ["opt"] = 0, ["option"] = option }, cancellationToken);
}
