using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Accessories;
using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    /// <summary>Installed accessories (getDeviceInfoV2 accessoryList), whether a generator is present and whether V2L is possible.</summary>
    public async Task<DiscoverySnapshot> DiscoverAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var result = await GetAsync("getDeviceInfoV2", [Q("gatewayId", gatewayId)], cancellationToken);
        var accessories = result.IsObject() && result.TryGetProperty("accessoryList", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(a => a.Int("accessoryType") is { } type ? new CloudAccessory(type, a.String("snno")) : null)
                .OfType<CloudAccessory>()
                .ToList()
            : [];
        return new DiscoverySnapshot(gatewayId, accessories, V2lEligibility.Evaluate([.. accessories.Select(a => a.Type)]));
    }
}
