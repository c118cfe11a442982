using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Tests.Planning;

/// <summary>Builds planning inputs from per-slot arrays (prices per kWh, W), starting at a fixed UTC midnight.</summary>
internal static class PlanningCase
{
    public static readonly DateTimeOffset Midnight = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static PlanningInput Input(
        double[] importPrices, double[] load, double[] pv,
        BatterySpec? battery = null, Policy? policy = null, double soc = 20,
        TimeSpan? slot = null, double[]? exportPrices = null)
    {
        var length = slot ?? TimeSpan.FromHours(1);
        return new PlanningInput(
            Midnight, length, soc,
            battery ?? new BatterySpec(13600, 5000, 5000, 0.9, 20),
            policy ?? new Policy(ManageMode.Tou),
            Slots(importPrices, length), Slots(exportPrices ?? new double[importPrices.Length], length),
            pv, load);
    }

    public static IReadOnlyList<PriceSlot> Slots(double[] values, TimeSpan length) =>
        [.. values.Select((v, i) => new PriceSlot(Midnight + length * i, Midnight + length * (i + 1), v))];

    public static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();

    /// <summary>Grid power of a planned slot, from the same load and PV the plan was given.</summary>
    public static double Grid(PlanningInput input, int t, Plan plan) =>
        input.LoadForecastWatts[t] - input.PvForecastWatts[t] - plan.Slots[t].PlannedBatteryWatts;
}
