using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Politeness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.SunPower;

/// <summary>How to reach and treat one PVS. Only the address is required for legacy firmware.</summary>
public sealed record PvsClientOptions
{
    /// <summary>
    /// The PVS serial; its last 5 characters are the LocalAPI password. Optional: when absent it comes from
    /// supervisor/info or from the LocalAPI itself, which tells its serial without a login.
    /// </summary>
    public string? Serial { get; init; }

    /// <summary>The LocalAPI password, when it is not the last 5 characters of the serial.</summary>
    public string? Password { get; init; }

    /// <summary>Skip detection and use this generation.</summary>
    public PvsGeneration? Generation { get; init; }

    /// <summary>SHA-256 fingerprint (hex, separators allowed) of the PVS's self-signed TLS certificate to pin.</summary>
    public string? CertificateFingerprint { get; init; }

    public PolitenessOptions Politeness { get; init; } = new();

    /// <summary>
    /// Shares politeness with other processes using the same directory (one request at a time, the pause, the
    /// backoff and the last DeviceList answer). Null: this client is polite on its own only.
    /// </summary>
    public PvsSharedCache? SharedCache { get; init; }

    /// <summary>Told, in plain words, when a call waits politely (for another process, or for the minimum interval).</summary>
    public Action<string>? Waiting { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>A handler to send requests through (tests, custom proxies). The client does not dispose it.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
