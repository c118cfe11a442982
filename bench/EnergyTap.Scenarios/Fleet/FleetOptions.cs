namespace EnergyTap.Scenarios.Fleet;

/// <summary>How big and how long the fleet run is (the numbers by default).</summary>
internal sealed record FleetOptions
{
    /// <summary>aGates, and as many PVS.</summary>
    public int Devices { get; init; } = 1000;

    public double Minutes { get; init; } = 2;

    /// <summary>Time after start-up before measuring: every aGate's first (cold-scan) poll and every PVS's first DeviceList.</summary>
    public int WarmupSeconds { get; init; } = 30;

    public int AgatePollSeconds { get; init; } = 5;

    public int PvsPollSeconds { get; init; } = 60;

    /// <summary>Real PvsSimulators behind the per-PVS ports.</summary>
    public int PvsBackends { get; init; } = 20;

    /// <summary>"sqlite", "postgres" or "both".</summary>
    public string Store { get; init; } = "both";
}
