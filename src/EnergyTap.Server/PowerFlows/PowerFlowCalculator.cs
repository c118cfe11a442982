using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Readings;

namespace EnergyTap.Server.PowerFlows;

/// <summary>
/// Builds each site's <see cref="PowerFlow"/> from the latest readings. When several devices report
/// the same term (a PVS production meter and the aGate's solar register), the freshest reading of the
/// device that comes first in <paramref name="devicePriority"/> wins; values are never summed across
/// devices, which would count the same panels twice.
/// </summary>
public sealed class PowerFlowCalculator(LatestReadings latest, TimeProvider time, IReadOnlyList<string>? devicePriority = null)
{
    public const string Solar = "solar_power";
    public const string HomeLoad = "home_load_power";
    public const string Grid = "grid_power";
    public const string Battery = "battery_power";
    public const string BatterySoc = "battery_soc";
    public const string Generator = "generator_power";
    public const string V2l = "v2l_power";
    public const string GridConnected = "grid_connected";

    public PowerFlow For(string site)
    {
        var readings = latest.Snapshot(site);
        return new PowerFlow(
            site,
            time.GetUtcNow(),
            NotNegative(Pick(readings, Solar)),
            NotNegative(Pick(readings, HomeLoad)),
            Pick(readings, Grid),
            Pick(readings, Battery),
            Pick(readings, BatterySoc),
            NotNegative(Pick(readings, Generator)),
            NotNegative(Pick(readings, V2l)))
        {
            GridConnected = Pick(readings, GridConnected),
        };
    }

    /// <summary>A production meter reads about -15 W at night (inverter self-consumption); the flow shows 0.</summary>
    private static FlowTerm NotNegative(FlowTerm term) => term.Value < 0 ? term with { Value = 0 } : term;

    private FlowTerm Pick(IReadOnlyList<Reading> readings, string quantity)
    {
        var best = readings
            .Where(r => r.Quantity == quantity)
            .OrderBy(r => Trust(r.Quality))     // fresh (or corrected) before stale before missing
            .ThenBy(r => Rank(r.Device))
            .FirstOrDefault();
        return best is null
            ? FlowTerm.Missing(UnitOf(quantity))
            : new FlowTerm(best.Value, best.Unit, best.Device, best.Quality, best.Time);
    }

    private static string UnitOf(string quantity) => QuantityCatalog.Known[quantity].Unit;

    private static int Trust(ReadingQuality quality) => quality switch
    {
        ReadingQuality.Fresh or ReadingQuality.Corrected => 0,
        ReadingQuality.Stale => 1,
        _ => 2,
    };

    private int Rank(string device)
    {
        if (devicePriority is null)
        {
            return 0;
        }

        for (var i = 0; i < devicePriority.Count; i++)
        {
            if (devicePriority[i] == device)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
