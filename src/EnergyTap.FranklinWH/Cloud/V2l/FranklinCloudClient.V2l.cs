using EnergyTap.FranklinWH.Cloud.SmartCircuits;
using EnergyTap.FranklinWH.Cloud.Stats;
using EnergyTap.FranklinWH.Cloud.V2l;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Cloud;

public sealed partial class FranklinCloudClient
{
    /// <summary>
    /// SPECULATIVE (seed 000): switches V2L through the CarSW port as smart circuit 3 (cmdType 311 Sw3Mode/Sw3ProLoad/Sw3MsgType).
    /// Never verified on real hardware. Refuses unless <paramref name="acceptSpeculative"/> is true, the hardware is eligible,
    /// the gateway is licensed (v2lModeEnable) and the grid relay is open (off grid). Logs a warning whenever it writes.
    /// </summary>
    public async Task<SmartCircuitsInfo> SetV2lModeAsync(string gatewayId, bool enable, bool acceptSpeculative, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        if (!acceptSpeculative)
        {
            throw new V2lRefusedException(V2lRefusal.NotOptedIn,
                "V2L control is speculative (the cmdType 311 Sw3 write has never been verified on real hardware); it needs an explicit opt-in.");
        }

        var discovery = await DiscoverAsync(gatewayId, cancellationToken);
        if (!discovery.V2lEligible)
        {
            throw new V2lRefusedException(V2lRefusal.HardwareNotEligible, $"V2L refused: this gateway's hardware cannot do V2L: {discovery.V2lNote}");
        }

        var stats = await GetStatsAsync(gatewayId, cancellationToken: cancellationToken);
        if (stats.IsStale || stats.Current is null)
        {
            throw new V2lRefusedException(V2lRefusal.NoFreshStats, "V2L refused: the cloud has no fresh data for this gateway (valid:false); try again shortly.");
        }

        if (stats.Current.V2lEnabled != true)
        {
            throw new V2lRefusedException(V2lRefusal.NotLicensed, "V2L refused: v2lModeEnable=0, V2L is not licensed (enabled) on this gateway.");
        }

        if (stats.Current.GridConnection != GridConnection.OffGrid)
        {
            throw new V2lRefusedException(V2lRefusal.NotOffGrid,
                $"V2L refused: V2L only works off grid (grid relay open), and the grid is {(stats.Current.GridConnection == GridConnection.Connected ? "connected" : "in an unknown state")}.");
        }

        _logger.LogWarning("Sending SPECULATIVE V2L command ({State}) as cmdType 311 Sw3; this write is unverified on real hardware", enable ? "on" : "off");
        return await PatchCircuitAsync(gatewayId, 3, enable, cancellationToken);
    }
}
