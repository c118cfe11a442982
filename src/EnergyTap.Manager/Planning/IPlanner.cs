using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Forecasts;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Planning;

/// <summary>
/// Everything a plan is computed from. Forecast arrays hold one value per slot of <see cref="SlotLength"/>
/// starting at <see cref="Start"/>: mean PV and home-load power in W.
/// </summary>
public sealed record PlanningInput(
    DateTimeOffset Start,
    TimeSpan SlotLength,
    double SocPercent,
    BatterySpec Battery,
    Policy Policy,
    IReadOnlyList<PriceSlot> ImportPrices,
    IReadOnlyList<PriceSlot> ExportPrices,
    IReadOnlyList<double> PvForecastWatts,
    IReadOnlyList<double> LoadForecastWatts)
{
    /// <summary>The plan must end at or above this state of charge, % (replay's optimum ends with at least its starting SoC).</summary>
    public double? EndSocAtLeastPercent { get; init; }

    /// <summary>An input whose PV and load arrays are read from forecasts, <paramref name="slots"/> slots from <paramref name="start"/>.</summary>
    public static PlanningInput FromForecasts(
        DateTimeOffset start, TimeSpan slotLength, int slots, double socPercent, BatterySpec battery, Policy policy,
        IReadOnlyList<PriceSlot> importPrices, IReadOnlyList<PriceSlot> exportPrices, IPowerForecast pv, IPowerForecast load)
    {
        ArgumentNullException.ThrowIfNull(pv);
        ArgumentNullException.ThrowIfNull(load);
        return new PlanningInput(start, slotLength, socPercent, battery, policy, importPrices, exportPrices,
            pv.SlotMeans(start, slotLength, slots), load.SlotMeans(start, slotLength, slots));
    }
}

/// <summary>Computes the plan for a horizon; pure (same input, same plan), so replay can prove it.</summary>
public interface IPlanner
{
    Plan Compute(PlanningInput input);
}
