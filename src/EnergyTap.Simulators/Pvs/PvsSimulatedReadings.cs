namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// The simulator's ground truth at one instant, for tests that check what a client parsed against what the
/// simulated PVS actually served. Powers in kW, energies in kWh, state of charge as a fraction.
/// </summary>
public sealed record PvsSimulatedReadings(
    DateTimeOffset Time,
    double ProductionKw,
    double ProductionKwh,
    double NetKw,
    double SiteLoadKw,
    int InvertersListed,
    int InvertersWorking,
    double InverterSumKw,
    double? BatteryKw,
    double? BatterySoc,
    long SupervisorUptimeSeconds);
