namespace EnergyTap.Simulators.Pvs;

/// <summary>What an owner can change through /vars?set=: the ESS control mode and reserve, and the telemetry switch.</summary>
internal sealed record PvsSettings(string ControlMode, double MinCustomerSoc, bool TelemetryEnabled);
