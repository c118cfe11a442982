using EnergyTap.Manager.Planning;

namespace EnergyTap.Manager.Tests.Planning;

/// <summary>
/// The oracle for the planner: tries every path of SoC grid points, written from the physics (losses √η
/// each way, rated AC powers, the reserve, export price when exporting) rather than from the planner.
/// </summary>
internal static class BruteForce
{
    public static double Cheapest(PlanningInput input, int levels)
    {
        var battery = input.Battery;
        var step = battery.CapacityWh / levels;
        var oneWay = Math.Sqrt(battery.RoundTripEfficiency);
        var hours = input.SlotLength.TotalHours;
        var floor = battery.ReservePercent / 100 * battery.CapacityWh;
        var count = input.LoadForecastWatts.Count;
        var best = double.PositiveInfinity;

        void Walk(int t, double wh, double cost)
        {
            if (t == count)
            {
                best = Math.Min(best, cost);
                return;
            }
            for (var level = 0; level <= levels; level++)
            {
                var next = level * step;
                var stored = next - wh;
                if (stored < -1e-9 && next < floor - 1e-9)
                    continue;
                var batteryWatts = stored >= 0 ? -stored / oneWay / hours : -stored * oneWay / hours;
                if (-batteryWatts > battery.MaxChargeWatts + 1e-9 || batteryWatts > battery.MaxDischargeWatts + 1e-9)
                    continue;
                var grid = input.LoadForecastWatts[t] - input.PvForecastWatts[t] - batteryWatts;
                var price = grid >= 0 ? input.ImportPrices[t].Value : input.ExportPrices[t].Value;
                Walk(t + 1, next, cost + grid * hours / 1000 * price);
            }
        }

        // The start may be off the grid: the first move goes from it to any grid point (or stays).
        var start = input.SocPercent / 100 * battery.CapacityWh;
        Walk(0, start, 0);
        return best;
    }
}
