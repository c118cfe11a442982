using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud.Gateways;

/// <summary>
/// One aGate on the account (getHomeGatewayList). <see cref="Id"/> is the gateway serial the other calls take, spelled
/// exactly as the cloud spells it (ids are case-sensitive). <see cref="Version"/> is the firmware (version);
/// <see cref="HardwareVersion"/> the hardware code (sysHdVersion, e.g. "102").
/// </summary>
public sealed record CloudGateway(string Id, string? Name, int? Status, string? Version)
{
    public string? HardwareVersion { get; init; }

    internal static CloudGateway? From(JsonElement item) =>
        item.String("id") is { Length: > 0 } id
            ? new CloudGateway(id, item.String("name"), item.Int("status"), item.String("version")) { HardwareVersion = item.String("sysHdVersion") }
            : null;
}
