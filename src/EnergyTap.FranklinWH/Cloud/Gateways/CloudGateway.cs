using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud.Gateways;

/// <summary>One aGate on the account (getHomeGatewayList). <see cref="Id"/> is the gateway serial the other calls take.</summary>
public sealed record CloudGateway(string Id, string? Name, int? Status, string? Version)
{
    internal static CloudGateway? From(JsonElement item) =>
        item.String("id") is { Length: > 0 } id
            ? new CloudGateway(id, item.String("name"), item.Int("status"), item.String("sysHdVersion"))
            : null;
}
