using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Accessories;
using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    internal const string Common = "hes-gateway/common/";

    /// <summary>
    /// Installed accessories (common/getAccessoryList), the hardware version, batteries and V2L flag (getDeviceInfoV2),
    /// whether a generator is present and whether V2L is possible.
    /// </summary>
    public async Task<DiscoverySnapshot> DiscoverAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var list = await GetFromAsync(Common + "getAccessoryList", [Q("gatewayId", gatewayId)], cancellationToken);
        var accessories = list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(a => a.Int("accessoryType") is { } type ? new CloudAccessory(type, a.String("sn")) : null)
                .OfType<CloudAccessory>()
                .ToList()
            : [];
        var info = await GetAsync("getDeviceInfoV2", [Q("gatewayId", gatewayId)], cancellationToken);
        var batteries = info.IsObject() && info.TryGetProperty("apowerList", out var apowers) && apowers.ValueKind == JsonValueKind.Array
            ? apowers.EnumerateArray()
                .Select(a => a.String("id") is { } sn ? new ApowerInfo(sn, a.Double("ratedPwr"), a.Double("rateBatCap")) : null)
                .OfType<ApowerInfo>()
                .ToList()
            : [];
        return new DiscoverySnapshot(gatewayId, accessories, V2lEligibility.Evaluate([.. accessories.Select(a => a.Type)], info.Bool("v2lModeEnable")))
        {
            HardwareVersion = info.String("sysHdVersion"),
            GeneratorEnabled = info.Bool("genEn"),
            OffGridFlag = info.Int("offGirdFlag"),
            Batteries = batteries,
        };
    }
}
