namespace EnergyTap.Simulators.Agate.Physics;

/// <summary>
/// One instant of the simulated site. Signs: battery positive = discharging (DC power leaving the
/// battery), grid positive = importing. Energies are totals since the simulator started.
/// </summary>
public sealed record PowerFlow(
    DateTimeOffset Time,
    double SolarWatts,
    double HomeLoadWatts,
    double BatteryWatts,
    double GridWatts,
    double SocPercent,
    IReadOnlyList<BatteryUnitState> Batteries,
    double SolarWh,
    double HomeLoadWh);

/// <summary>One aPower: its own charge level, share of the power and electrical state.</summary>
public sealed record BatteryUnitState(
    int Index,
    double SocPercent,
    double Watts,
    double Volts,
    double TemperatureC,
    double ChargedWh,
    double DischargedWh);
