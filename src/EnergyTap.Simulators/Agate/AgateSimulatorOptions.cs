using System.Net;
using EnergyTap.Simulators.Agate.Physics;

namespace EnergyTap.Simulators.Agate;

/// <summary>How an <see cref="AgateSimulator"/> listens and what site it simulates.</summary>
public sealed record AgateSimulatorOptions
{
    /// <summary>Address to listen on. Loopback by default; the simulator has no authentication, like the real aGate.</summary>
    public IPAddress Listen { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (see <see cref="AgateSimulator.StartAsync"/>'s result).</summary>
    public int Port { get; init; } = 1502;

    /// <summary>aPower batteries, 1..15: one Prt block each in model 714.</summary>
    public int Batteries { get; init; } = 1;

    /// <summary>As if the installer enabled "SPAN Modbus": 15507/15508 become writable.</summary>
    public bool SpanUnlocked { get; init; }

    /// <summary>Start in a grid outage (see <see cref="AgateSimulator.GridConnected"/> to change it while running).</summary>
    public bool OffGrid { get; init; }

    /// <summary>Seed for weather, appliances and the 15502 dropouts.</summary>
    public int Seed { get; init; } = 1;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Site details beyond battery count and seed (which the two properties above override).</summary>
    public AgatePhysicsOptions Site { get; init; } = new();

    /// <summary>
    /// Extra points whose writes this firmware discards silently (e.g. "704.WSetPct"), to rehearse a
    /// firmware update that takes away a working control path.
    /// </summary>
    public IReadOnlyList<string> DiscardWritesTo { get; init; } = [];

    /// <summary>Firmware version string in model 1.</summary>
    public string Firmware { get; init; } = "V10R01B04D00";

    internal AgatePhysicsOptions PhysicsOptions => Site with { Batteries = Batteries, Seed = Seed };
}
