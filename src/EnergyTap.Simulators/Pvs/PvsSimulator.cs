using System.Net;
using System.Security.Cryptography.X509Certificates;
using EnergyTap.Simulators.Pvs.Legacy;
using EnergyTap.Simulators.Pvs.Varserver;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// A simulated SunPower PVS5/PVS6 on Kestrel: legacy dl_cgi or LocalAPI varserver firmware, realistic payloads,
/// day/night from the clock, refresh cadence, politeness failures, optional TLS and PVS6 WebSocket telemetry.
/// </summary>
/// <example>
/// <code>
/// await using var pvs = new PvsSimulator(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver });
/// var baseUrl = await pvs.StartAsync(ct);   // e.g. http://127.0.0.1:40123/
/// // login with "ssm_owner" / pvs.Password, then GET baseUrl + "vars?match=livedata"
/// </code>
/// </example>
public sealed class PvsSimulator : IAsyncDisposable
{
    private readonly PvsSimulatorOptions _options;
    private readonly SimulatedPvs _pvs;
    private readonly PvsHealth _health;
    private readonly SessionStore _sessions;
    private readonly VarserverApi? _varserver;
    private readonly DeviceListService _deviceList;
    private readonly PvsRequestRouter _router;
    private readonly ILogger _logger;
    private WebApplication? _api;
    private WebApplication? _telemetry;

    public PvsSimulator(PvsSimulatorOptions? options = null)
    {
        _options = Validate(options ?? new PvsSimulatorOptions());
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PvsSimulator>();
        _pvs = new SimulatedPvs(_options);
        _health = new PvsHealth(_options.Politeness, _pvs);
        _sessions = new SessionStore(_options.TimeProvider, _options.SessionLifetime);
        _varserver = _options.Firmware == PvsFirmware.Varserver
            ? new VarserverApi(_pvs, _sessions, _options.TimeProvider, _options.HangOnUnknownVariable)
            : null;
        _health.Restarted += () => _varserver?.Forget();
        _deviceList = new DeviceListService(_pvs, _health, _options.TimeProvider, _options.DeviceListDelay);
        var dlCgi = new DlCgiApi(_pvs, _deviceList, _varserver, _options.TimeProvider, _options.SupervisorInfoMissing);
        _router = new PvsRequestRouter(_health, Requests, dlCgi, _varserver, _options.TimeProvider, _options.LocalApiForbidden);
    }

    public PvsSimulatorOptions Options => _options;

    /// <summary>Base URL ("http://127.0.0.1:port/" or https), known after <see cref="StartAsync"/>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>ws://…:port/ of the telemetry WebSocket (PVS6 varserver only), or null.</summary>
    public Uri? TelemetryUrl { get; private set; }

    /// <summary>The generated certificate when <see cref="PvsSimulatorOptions.Tls"/> is on.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>SHA-256 of the certificate (lowercase hex, no separators) — what a client pins.</summary>
    public string? CertificateSha256 => Certificate is null ? null : SelfSignedCertificate.Sha256Fingerprint(Certificate);

    /// <summary>Requests received per endpoint (see <see cref="PvsRequestCounters"/> for the keys).</summary>
    public PvsRequestCounters Requests { get; } = new();

    public string Serial => _pvs.Inventory.Serial;

    /// <summary>LocalAPI password: the last five characters of the serial (user "ssm_owner").</summary>
    public string Password => _pvs.Inventory.Password;

    public static string User => VarserverApi.User;

    /// <summary>True while the PVS answers 503 "No server is available" after being overloaded or rebooted.</summary>
    public bool IsDown => _health.IsDown(_options.TimeProvider.GetUtcNow());

    /// <summary>How many times the simulated PVS came back from an outage.</summary>
    public int Restarts => _health.Restarts;

    /// <summary>Simulated seconds since the PVS (re)started — dl_uptime at the next 5-minute refresh.</summary>
    public TimeSpan Uptime => _options.TimeProvider.GetUtcNow() - _pvs.BootTime;

    /// <summary>Live LocalAPI sessions.</summary>
    public int ActiveSessions => _sessions.Count;

    /// <summary>True while a DeviceList is being assembled (a second one now would get 503).</summary>
    public bool DeviceListInProgress => _deviceList.InProgress;

    /// <summary>Value of /sys/telemetryws/enable.</summary>
    public bool TelemetryEnabled
    {
        get => _pvs.Settings.TelemetryEnabled;
        set => _pvs.Settings = _pvs.Settings with { TelemetryEnabled = value };
    }

    /// <summary>Current /ess/config/dcm/mode_param/control_mode.</summary>
    public string EssControlMode => _pvs.Settings.ControlMode;

    /// <summary>Current /ess/config/dcm/control_param/min_customer_soc.</summary>
    public double EssMinCustomerSoc => _pvs.Settings.MinCustomerSoc;

    /// <summary>What the simulated PVS reports right now (the values its payloads are rendered from).</summary>
    public PvsSimulatedReadings CurrentReadings()
    {
        var snapshot = _pvs.Read(_options.TimeProvider.GetUtcNow());
        var live = snapshot.LiveData;
        return new PvsSimulatedReadings(
            snapshot.Now,
            snapshot.Production.PKw,
            snapshot.Production.NetKwh,
            snapshot.Consumption.PKw,
            live.SiteLoadKw,
            snapshot.Inverters.Count,
            snapshot.Inverters.Count(i => i.Working),
            snapshot.Inverters.Where(i => i.Working).Sum(i => i.PKw),
            live.EssKw,
            live.Soc,
            snapshot.Supervisor.UptimeSeconds);
    }

    /// <summary>
    /// While true the PVS accepts every connection and request but never answers, as a wedged PVS web server does
    /// (clients see their own timeouts). Requests are still counted. Set false to make it answer again.
    /// </summary>
    public bool Hanging
    {
        get => _router.Hanging;
        set => _router.Hanging = value;
    }

    /// <summary>Crash now: 503 for <see cref="PvsPolitenessOptions.OutageDuration"/>, then a restart (low dl_uptime, sessions lost).</summary>
    public void Reboot() => _health.Crash(_options.TimeProvider.GetUtcNow());

    /// <summary>Invalidate every LocalAPI session, as if they had timed out.</summary>
    public void ExpireSessions() => _sessions.Clear();

    public async Task<Uri> StartAsync(CancellationToken ct = default)
    {
        if (_api is not null)
        {
            throw new InvalidOperationException("The PVS simulator is already started.");
        }

        if (_options.Tls)
        {
            Certificate = SelfSignedCertificate.Create(Serial, _options.TimeProvider);
        }

        _api = BuildApp(_options.Port, Certificate, app => app.Run(_router.HandleAsync));
        await _api.StartAsync(ct);
        var port = BoundPort(_api);
        BaseUrl = new Uri($"{(_options.Tls ? "https" : "http")}://{Host(_options.ListenAddress)}:{port}/");

        if (_varserver is not null && _options.Model == PvsModel.PVS6 && _options.TelemetryPort is { } telemetryPort)
        {
            var socket = new TelemetryWebSocket(_pvs, Requests, _options.TimeProvider, TimeSpan.FromMilliseconds(100));
            _telemetry = BuildApp(telemetryPort, null, app =>
            {
                app.UseWebSockets();
                app.Run(socket.HandleAsync);
            });
            await _telemetry.StartAsync(ct);
            TelemetryUrl = new Uri($"ws://{Host(_options.ListenAddress)}:{BoundPort(_telemetry)}/");
        }

        _logger.LogInformation("PVS simulator ({Model}, {Firmware}) listening on {Url}", _options.Model, _options.Firmware, BaseUrl);
        return BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _telemetry, _api })
        {
            if (app is not null)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await app.StopAsync(timeout.Token);
                await app.DisposeAsync();
            }
        }

        _telemetry = null;
        _api = null;
        Certificate?.Dispose();
    }

    private WebApplication BuildApp(int port, X509Certificate2? certificate, Action<WebApplication> configure)
    {
        // An empty builder: no configuration files, no environment-driven URLs, only what is set here.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(_options.ListenAddress, port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddSingleton(_options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddOptions();
        var app = builder.Build();
        configure(app);
        return app;
    }

    private static int BoundPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    private static string Host(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static PvsSimulatorOptions Validate(PvsSimulatorOptions options)
    {
        if (options.Inverters is < 0 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Inverters, "Inverters must be between 0 and 200.");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 and 65535.");
        }

        if (options.Ess && options.Model == PvsModel.PVS5)
        {
            throw new ArgumentException("A SunVault ESS is only supported with a PVS6.", nameof(options));
        }

        if (options.LocalApiForbidden && options.Firmware != PvsFirmware.Legacy)
        {
            throw new ArgumentException("LocalApiForbidden emulates old firmware; it needs the legacy firmware.", nameof(options));
        }

        if (options.Serial is { Length: < 6 })
        {
            throw new ArgumentException("The serial must have at least 6 characters.", nameof(options));
        }

        if (options.DeviceListDelay < TimeSpan.Zero || options.SessionLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("DeviceListDelay must not be negative and SessionLifetime must be positive.", nameof(options));
        }

        return options;
    }
}
