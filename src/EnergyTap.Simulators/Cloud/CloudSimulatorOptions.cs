using System.Net;

namespace EnergyTap.Simulators.Cloud;

/// <summary>How the FranklinWH cloud simulator listens and behaves.</summary>
public sealed record CloudSimulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Loopback only by default; the simulator has no business on a real network.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seeds the simulated power values, so runs are reproducible.</summary>
    public int Seed { get; init; } = 1;

    public IReadOnlyList<SimulatedAccount> Accounts { get; init; } = [SimulatedAccount.Demo];

    /// <summary>After this long a token answers code 10009.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Consecutive bad passwords before the account locks (login then answers 400).</summary>
    public int LockoutThreshold { get; init; } = 5;

    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Stats polls of one gateway closer together than this answer 429 with Retry-After.</summary>
    public TimeSpan MinStatsInterval { get; init; } = TimeSpan.FromSeconds(5);
}
