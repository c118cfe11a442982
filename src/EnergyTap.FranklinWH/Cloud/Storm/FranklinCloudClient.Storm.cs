using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Storm;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    /// <summary>weather/getStormSetting. Storm Hedge is keyed by equipNo (the gateway id), not gatewayId.</summary>
    public async Task<StormSetting> GetStormSettingAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var result = await GetAsync("weather/getStormSetting", [Q("equipNo", gatewayId)], cancellationToken);
        var storms = result.IsObject() && result.TryGetProperty("stormEventVOList", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.GetArrayLength()
            : 0;
        return new StormSetting(result.Bool("enableStorm"), result.Int("advanceBackupTime"), result.Bool("noticeEnable"), result.Int("advanceNoticeTime"), storms);
    }
}
