namespace EnergyTap.Manager.Battery;

/// <summary>
/// AC power at the inverter against energy in the cells, shared by the planner and replay's battery so the plan and
/// the simulated battery lose the same: the square root of the round-trip efficiency is lost on each way in and out.
/// Power is positive when discharging.
/// </summary>
public static class BatteryEnergy
{
    public static double OneWayEfficiency(double roundTripEfficiency) => Math.Sqrt(roundTripEfficiency);

    /// <summary>How much the stored energy changes (Wh) when the battery runs at <paramref name="acWatts"/> for <paramref name="hours"/>.</summary>
    public static double StoredChangeWh(double acWatts, double hours, double oneWayEfficiency) =>
        acWatts <= 0 ? -acWatts * hours * oneWayEfficiency : -acWatts * hours / oneWayEfficiency;

    /// <summary>The AC power that changes the stored energy by <paramref name="storedChangeWh"/> in <paramref name="hours"/>.</summary>
    public static double AcWatts(double storedChangeWh, double hours, double oneWayEfficiency) =>
        storedChangeWh >= 0 ? -storedChangeWh / oneWayEfficiency / hours : -storedChangeWh * oneWayEfficiency / hours;
}
