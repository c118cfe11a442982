namespace EnergyTap.Simulators.Cloud;

/// <summary>What a test can check after a write: the simulated gateway's settings right now.</summary>
public sealed record SimulatedGatewayState(
    string Id, int GeneratorManuSw, IReadOnlyList<bool> CircuitsOn, int WorkMode, double ReserveSoc, int? BackupMinutes, bool OffGrid, bool Online);
