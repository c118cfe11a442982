using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    public const int MinBackupMinutes = 30;
    public const int MaxBackupMinutes = 4320;

    /// <summary>The active mode, its reserve SoC and every mode profile of this account (tou/getGatewayTouListV2, a POST).</summary>
    public async Task<OperatingModeInfo> GetOperatingModeAsync(string gatewayId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        var result = await PostQueryAsync("tou/getGatewayTouListV2", [Q("gatewayId", gatewayId), Q("showType", 1)], cancellationToken);
        var profiles = result.IsObject() && result.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(ProfileOf).OfType<ModeProfile>().ToList()
            : [];
        return new OperatingModeInfo(result.Double("currendId") is { } id ? (long)id : null, profiles)
        {
            StormHedgeEnabled = result.Bool("stromEn"),
            BackupForever = result.Bool("backupForeverFlag"),
            NextWorkMode = result.Int("nextWorkMode"),
            StopMode = result.Int("stopMode"),
            TariffConfigured = result.Bool("tariffSettingFlag"),
        };
    }

    /// <summary>
    /// tou/updateTouModeV2. <paramref name="backupMinutes"/> (30–4320) applies to emergency backup only: how long to
    /// hold it before returning to the previous mode; null means until changed.
    /// </summary>
    public async Task<ModeChangeResult> SetOperatingModeAsync(string gatewayId, WorkMode mode, int? backupMinutes = null, CancellationToken cancellationToken = default)
    {
        if (backupMinutes is { } minutes && (mode != WorkMode.EmergencyBackup || minutes is < MinBackupMinutes or > MaxBackupMinutes))
        {
            throw new ArgumentOutOfRangeException(nameof(backupMinutes), backupMinutes,
                $"a backup duration applies to emergency backup only and must be {MinBackupMinutes}–{MaxBackupMinutes} minutes");
        }

        var info = await GetOperatingModeAsync(gatewayId, cancellationToken);
        var profile = info.Profiles.FirstOrDefault(p => p.WorkMode == mode)
            ?? throw new CloudApiException(CloudErrorCodes.NotProvisioned, $"FranklinWH cloud: this account has no {WorkModeNames.Name(mode)} mode profile.");
        List<KeyValuePair<string, string>> query = [Q("gatewayId", gatewayId), Q("currendId", profile.Id), Q("workMode", (int)mode)];
        if (backupMinutes is { } duration)
        {
            query.Add(Q("durationMinute", duration));
        }

        return await QueuedOrAppliedAsync(() => PostQueryAsync("tou/updateTouModeV2", query, cancellationToken));
    }

    /// <summary>tou/updateSocV2: the reserve SoC of the active mode (or of <paramref name="mode"/>), checked against the profile's range.</summary>
    public async Task<ModeChangeResult> SetReserveSocAsync(string gatewayId, double percent, WorkMode? mode = null, CancellationToken cancellationToken = default)
    {
        var info = await GetOperatingModeAsync(gatewayId, cancellationToken);
        var profile = (mode is null ? info.Active : info.Profiles.FirstOrDefault(p => p.WorkMode == mode))
            ?? throw new CloudApiException(CloudErrorCodes.NotProvisioned, "FranklinWH cloud: no matching mode profile to set the reserve on.");
        if (profile.ReserveEditable == false)
        {
            throw new CloudApiException(CloudErrorCodes.NotProvisioned, $"FranklinWH cloud: the reserve of {profile.Name ?? "this mode"} cannot be changed (editSocFlag is false).");
        }

        var (min, max) = (profile.MinSoc ?? 0, profile.MaxSoc ?? 100);
        if (double.IsNaN(percent) || percent < min || percent > max)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"reserve must be {min:0}–{max:0} % for {profile.Name ?? "this mode"}");
        }

        List<KeyValuePair<string, string>> query =
            [Q("gatewayId", gatewayId), Q("currendId", profile.Id), Q("workMode", (int)(profile.WorkMode ?? WorkMode.SelfConsumption)), Q("soc", percent)];
        return await QueuedOrAppliedAsync(() => PostQueryAsync("tou/updateSocV2", query, cancellationToken));
    }

    /// <summary>Code 176 is not a failure for a setting: the cloud keeps it and the aGate applies it on reconnect.</summary>
    private static async Task<ModeChangeResult> QueuedOrAppliedAsync(Func<Task<JsonElement>> send)
    {
        try
        {
            await send();
            return ModeChangeResult.Applied;
        }
        catch (CloudApiException ex) when (ex.Code == CloudErrorCodes.ModeChangeQueued)
        {
            return ModeChangeResult.QueuedUntilOnline;
        }
    }

    private static ModeProfile? ProfileOf(JsonElement item) =>
        item.Double("id") is { } id
            ? new ModeProfile((long)id, item.Int("workMode") is { } wm && Enum.IsDefined((WorkMode)wm) ? (WorkMode)wm : null,
                item.String("name"), item.Double("soc"), item.Double("minSoc"), item.Double("maxSoc"))
            {
                OldIndex = item.Int("oldIndex"),
                ReserveEditable = item.Bool("editSocFlag"),
                ElectricityType = item.Int("electricityType"),
            }
            : null;
}
