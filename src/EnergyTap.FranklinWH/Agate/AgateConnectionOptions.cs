using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.FranklinWH.Agate;

/// <summary>Where the aGate is and how to treat it.</summary>
public sealed record AgateConnectionOptions
{
    /// <summary>Host name or IP address of the aGate.</summary>
    public required string Host { get; init; }

    public int Port { get; init; } = 502;

    /// <summary>Modbus unit id; the aGate answers on 1 and 2 (both are the same device).</summary>
    public byte UnitId { get; init; } = 1;

    /// <summary>Per request; the aGate is often on Wi-Fi, so 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public AgateControlOptions Control { get; init; } = new();

    /// <summary>Where active commands and their revert deadlines are remembered; null = <see cref="RevertStore.DefaultPath"/>.</summary>
    public RevertStore? Store { get; init; }

    /// <summary>
    /// Clock for settling, revert deadlines and health sampling. Network timeouts always use the real
    /// clock, so a test's simulated time never trips them.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The key the revert store files this aGate under: host and port (unit 1 and 2 are the same device).</summary>
    public string DeviceKey => $"{Host}:{Port}";
}
