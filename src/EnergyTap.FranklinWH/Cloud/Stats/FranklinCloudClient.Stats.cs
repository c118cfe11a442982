using System.Collections.Concurrent;
using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Stats;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    private readonly ConcurrentDictionary<string, CloudStats> _lastFresh = new(StringComparer.Ordinal);

    /// <summary>
    /// Current values and today's totals (getDeviceCompositeInfo, refreshFlag=1). Calls for the same gateway are
    /// spaced by <see cref="FranklinCloudOptions.StatsInterval"/>: a second call waits rather than hammering the cloud.
    /// </summary>
    public async Task<CloudStats> GetStatsAsync(string gatewayId, StatsQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        query ??= StatsQuery.RuntimeOnly;
        var result = await GetAsync("getDeviceCompositeInfo", [Q("gatewayId", gatewayId), Q("refreshFlag", 1)], cancellationToken,
            paceKey: "stats:" + gatewayId, paceInterval: _options.StatsInterval);

        var runtime = result.IsObject() && result.TryGetProperty("runtimeData", out var rd) && rd.IsObject() ? rd : (JsonElement?)null;
        if (runtime is null || result.Bool("valid") == false)
        {
            _logger.LogDebug("FranklinWH cloud stats for a gateway are stale (valid:false or no runtimeData)");
            return StaleStats(gatewayId, result);
        }

        var current = RuntimeDataReader.Current(runtime.Value);
        var totals = RuntimeDataReader.Totals(runtime.Value);
        if (query.IncludeElectrical)
        {
            current = current with { V2lRelay = (await GetRelaysAsync(gatewayId, cancellationToken)).EvRelayStat };
        }

        if (query.IncludeAccessories)
        {
            var v2l = await GetV2lPowerAsync(gatewayId, cancellationToken);
            current = current with { V2lUseKw = v2l.PowerKw };
            totals = totals with { V2lExportKwh = v2l.ExportKwh, V2lImportKwh = v2l.ImportKwh };
        }

        var stats = new CloudStats(gatewayId, IsStale: false, _options.TimeProvider.GetUtcNow(), current, totals)
        {
            CurrentWorkMode = result.Int("currentWorkMode"),
            DeviceStatus = result.Int("deviceStatus"),
        };
        _lastFresh[gatewayId] = stats;
        return stats;
    }

    private CloudStats StaleStats(string gatewayId, JsonElement result) =>
        _lastFresh.TryGetValue(gatewayId, out var last)
            ? last with { IsStale = true }
            : new CloudStats(gatewayId, IsStale: true, ValuesAt: null, Current: null, Totals: null)
            {
                CurrentWorkMode = result.Int("currentWorkMode"),
                DeviceStatus = result.Int("deviceStatus"),
            };
}
