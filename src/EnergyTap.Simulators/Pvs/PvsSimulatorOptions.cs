using System.Net;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Simulators.Pvs;

/// <summary>Which local API generation the simulated PVS speaks.</summary>
public enum PvsFirmware
{
    /// <summary>Pre-2025 firmware: unauthenticated dl_cgi (Command=DeviceList and REST-style paths).</summary>
    Legacy,

    /// <summary>2025+ LocalAPI firmware: /auth login, /vars, authenticated dl_cgi, legacy DeviceList answers 403.</summary>
    Varserver,
}

/// <summary>Hardware generation of the simulated supervisor.</summary>
public enum PvsModel
{
    PVS6,
    PVS5,
}

/// <summary>Everything that shapes one simulated PVS. Defaults are good for tests; the CLI sets realistic delays.</summary>
public sealed record PvsSimulatorOptions
{
    /// <summary>Address Kestrel binds to. Loopback unless you really mean to expose the simulator.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>HTTP (or HTTPS with <see cref="Tls"/>) port; 0 picks a free one.</summary>
    public int Port { get; init; }

    public PvsFirmware Firmware { get; init; } = PvsFirmware.Legacy;

    public PvsModel Model { get; init; } = PvsModel.PVS6;

    /// <summary>Number of SOLARBRIDGE microinverters.</summary>
    public int Inverters { get; init; } = 24;

    /// <summary>Adds a SunVault ESS (HUB+, MIO, PV disconnect, gateway, XW Pro, BMS, batteries) — PVS6 only.</summary>
    public bool Ess { get; init; }

    /// <summary>
    /// How long a DeviceList takes, on <see cref="TimeProvider"/> (a real PVS needs 6–7 s for 24 panels).
    /// Zero by default so tests with a manual clock never wait; the CLI uses 7 s.
    /// </summary>
    public TimeSpan DeviceListDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Supervisor serial; null derives a realistic one from <see cref="Seed"/>.</summary>
    public string? Serial { get; init; }

    /// <summary>Seed for serial numbers, per-panel spread and weather noise: same seed + same clock → same payloads.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Serve HTTPS with a self-signed certificate generated at start (see PvsSimulator.CertificateSha256).</summary>
    public bool Tls { get; init; }

    /// <summary>The simulated clock: day/night, refresh cadence, sessions, outages and the DeviceList delay.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Site time zone offset from UTC; the sun rises at 06:00 and sets at 18:00 local time.</summary>
    public TimeSpan SiteUtcOffset { get; init; } = TimeSpan.FromHours(-8);

    /// <summary>Nameplate AC power of one microinverter in kW at solar noon.</summary>
    public double InverterPeakKw { get; init; } = 0.32;

    /// <summary>dl_uptime at start, so a fresh simulator does not look like it just rebooted.</summary>
    public TimeSpan InitialUptime { get; init; } = TimeSpan.FromSeconds(85428);

    /// <summary>Varserver: emulate build 61840, which returned one JSON object per device (/sys/devices/&lt;n&gt;/meter/data).</summary>
    public bool EmulateBuild61840 { get; init; }

    /// <summary>Varserver: how long a session cookie stays valid after login.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>PVS6 varserver: WebSocket telemetry port (9002 on a real PVS; 0 picks a free one; null turns the server off).</summary>
    public int? TelemetryPort { get; init; } = 0;

    /// <summary>Initial value of /sys/telemetryws/enable. Off by default, like 2025.10 builds.</summary>
    public bool TelemetryEnabled { get; init; }

    /// <summary>
    /// Started at night, the PVS has not discovered its inverters yet: they are missing from DeviceList and /vars
    /// until the first daylight report (clients must re-probe rather than trust the first, empty list).
    /// </summary>
    public bool InvertersMissingUntilSunrise { get; init; }

    /// <summary>
    /// /cgi-bin/dl_cgi/supervisor/info answers 404, as on builds without the REST-style paths. With the default plain
    /// http on one port this is the seed's haproxy bridge in front of such a PVS: a client must decide the generation
    /// from whichever API answers.
    /// </summary>
    public bool SupervisorInfoMissing { get; init; }

    /// <summary>
    /// Legacy firmware only: /vars and /auth answer 403 {"status":403,"error":"Forbidden"} while dl_cgi works, as some old
    /// builds do. A 403 alone must not make a client take the PVS for the LocalAPI generation.
    /// </summary>
    public bool LocalApiForbidden { get; init; }

    /// <summary>When a /vars query names an unknown variable, never answer (a real PVS once hung like this).</summary>
    public bool HangOnUnknownVariable { get; init; }

    /// <summary>How the PVS reacts to being polled too often.</summary>
    public PvsPolitenessOptions Politeness { get; init; } = new();

    public ILoggerFactory? LoggerFactory { get; init; }
}

/// <summary>
/// Thresholds of the "hammered PVS" failure: too many requests make it answer 503 "No server is available"
/// for a while and then restart (dl_uptime drops, sessions are lost).
/// </summary>
public sealed record PvsPolitenessOptions
{
    /// <summary>No outage is ever triggered by load (explicit reboots still work).</summary>
    public static PvsPolitenessOptions Disabled { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    /// <summary>A DeviceList that starts less than this after the previous one crashes the PVS.</summary>
    public TimeSpan MinDeviceListInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>More requests than this within one simulated minute crash the PVS.</summary>
    public int MaxRequestsPerMinute { get; init; } = 60;

    /// <summary>How long the 503 window lasts before the PVS comes back freshly restarted.</summary>
    public TimeSpan OutageDuration { get; init; } = TimeSpan.FromMinutes(3);
}
