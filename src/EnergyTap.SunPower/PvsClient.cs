using EnergyTap.SunPower.GridProfiles;
using EnergyTap.SunPower.Legacy;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Varserver;
using Microsoft.Extensions.Logging;

namespace EnergyTap.SunPower;

/// <summary>
/// A polite client for one PVS5/PVS6, whichever API its firmware offers. Build it from an address with
/// <see cref="ConnectAsync"/>; it detects the generation, logs in when needed, and answers from caches aligned
/// to how often the PVS refreshes each kind of data. Concurrent callers share one upstream request.
/// </summary>
public sealed class PvsClient : IAsyncDisposable
{
    private const string DevicesCacheId = "energytap_devices";
    private const string InfoCacheId = "energytap_info";
    private const string LiveCacheId = "energytap_livedata";

    private readonly PvsTransport _transport;
    private readonly ILogger _logger;
    private readonly SingleFlightCache<string, object> _cache;
    private readonly RebootDetector _reboots = new();
    private readonly InverterRoster _roster;

    private PvsClient(PvsTransport transport, PvsGeneration generation, PvsSupervisorInfo? info, VarserverClient? varserver)
    {
        _transport = transport;
        _logger = transport.Options.Logger;
        _cache = new SingleFlightCache<string, object>(transport.Time);
        _roster = new InverterRoster(transport.Options.Politeness.MissingInverterReprobe, transport.Options.Politeness.MissingInverterReprobeMax);
        Generation = generation;
        SupervisorInfo = info;
        Varserver = varserver;
        Legacy = new DlCgiClient(transport, varserver is null ? null : varserver.SessionHeadersAsync);
    }

    public PvsEndpoint Endpoint => _transport.Endpoint;

    public PvsGeneration Generation { get; }

    /// <summary>What supervisor/info said at connect time (null if the firmware lacks it).</summary>
    public PvsSupervisorInfo? SupervisorInfo { get; }

    /// <summary>The dl_cgi API, uncached (on LocalAPI firmware the REST paths carry the session).</summary>
    public DlCgiClient Legacy { get; }

    /// <summary>The varserver API, uncached; null on legacy firmware.</summary>
    public VarserverClient? Varserver { get; }

    /// <summary>Raised when the PVS's uptime went down between two reads (it restarted).</summary>
    public event EventHandler<double>? RebootDetected;

    public PvsClientStats Stats => new(
        _transport.RequestsSent,
        _cache.Hits,
        _cache.Fetches,
        _reboots.RebootsDetected,
        _reboots.LastUptimeSeconds,
        _transport.Gate.Backoff.ConsecutiveFailures,
        _transport.Gate.Backoff.BlockedUntil(_transport.Time.GetUtcNow()),
        Varserver?.Logins ?? 0);

    /// <summary>Connects to a PVS given only its address ("172.27.153.1", "host:port", "https://…").</summary>
    public static async Task<PvsClient> ConnectAsync(string address, PvsClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PvsClientOptions();
        var transport = new PvsTransport(PvsEndpoint.Parse(address), options);
        try
        {
            var detection = options.Generation is { } forced
                ? new PvsDetection(forced, transport.Endpoint, null, null)
                : await PvsGenerationDetector.DetectAsync(transport, cancellationToken);
            transport.Retarget(detection.Endpoint);

            VarserverClient? varserver = null;
            if (detection.Generation == PvsGeneration.Varserver)
            {
                // Without a serial or password the client asks the PVS for its serial (anonymous) before logging in.
                var serial = options.Serial ?? detection.Serial;
                var password = options.Password ?? (serial is null ? null : VarserverClient.PasswordFromSerial(serial));
                varserver = new VarserverClient(transport, password);
            }

            return new PvsClient(transport, detection.Generation, detection.Info, varserver);
        }
        catch
        {
            transport.Dispose();
            throw;
        }
    }

    /// <summary>Every device, typed. Cached: DeviceList until the PVS's next 5-minute refresh; varserver ~10 s.</summary>
    public async Task<PvsDeviceSnapshot> GetDevicesAsync(CancellationToken cancellationToken = default)
    {
        var policy = _transport.Options.Politeness;
        var window = Generation == PvsGeneration.Legacy ? policy.DeviceList : policy.Varserver;
        var result = await _cache.GetAsync("devices", async ct => (object)await FetchDevicesAsync(ct),
            (value, fetched) => Earliest(window.ExpiresAt(fetched), _roster.ReprobeAt(fetched)),
            staleFor: TimeSpan.Zero, cancellationToken);
        return (PvsDeviceSnapshot)result.Value;
    }

    /// <summary>Site power flow: /sys/livedata on varserver; computed from the meters on legacy firmware.</summary>
    public async Task<PvsLiveData> GetLiveDataAsync(CancellationToken cancellationToken = default)
    {
        if (Varserver is null)
        {
            return LiveDataParser.FromDeviceList(await GetDevicesAsync(cancellationToken));
        }

        var result = await _cache.GetAsync("livedata",
            async ct => (object)LiveDataParser.FromVariables(await Varserver.MatchCachedAsync("/sys/livedata", LiveCacheId, ct), PvsLiveDataSource.Varserver),
            (_, fetched) => _transport.Options.Politeness.Varserver.ExpiresAt(fetched), TimeSpan.Zero, cancellationToken);
        return (PvsLiveData)result.Value;
    }

    /// <summary>Active and pending grid profile (GridProfileGet, or grid/profile on LocalAPI firmware).</summary>
    public Task<GridProfileStatus> GetGridProfileStatusAsync(CancellationToken cancellationToken = default) =>
        CachedStaticAsync("grid-status", async ct => Varserver is null
            ? await Legacy.GridProfileGetAsync(ct)
            : GridProfileParser.ParseStatus(await Legacy.GetJsonAsync("grid/profile", ct)), cancellationToken);

    /// <summary>Every grid profile the PVS knows (GridProfileRefresh, or grid/profiles on LocalAPI firmware).</summary>
    public Task<IReadOnlyList<GridProfile>> GetGridProfilesAsync(CancellationToken cancellationToken = default) =>
        CachedStaticAsync("grid-profiles", async ct => Varserver is null
            ? await Legacy.GridProfileRefreshAsync(ct)
            : GridProfileParser.ParseProfiles(await Legacy.GetJsonAsync("grid/profiles", ct)), cancellationToken);

    /// <summary>Network interfaces (Get_Comm, or communication/interfaces on LocalAPI firmware).</summary>
    public Task<PvsCommStatus> GetCommAsync(CancellationToken cancellationToken = default) =>
        CachedStaticAsync("comm", async ct => Varserver is null
            ? await Legacy.GetCommAsync(SupervisorInfo?.Serial ?? (await GetDevicesAsync(ct)).Supervisor?.Serial ?? "", ct)
            : await Legacy.CommunicationInterfacesAsync(ct), cancellationToken);

    /// <summary>Whether newer firmware is offered (CheckFW, or firmware/new_version on LocalAPI firmware).</summary>
    public Task<PvsFirmwareCheck> CheckFirmwareAsync(CancellationToken cancellationToken = default) =>
        CachedStaticAsync("firmware", async ct => Varserver is null
            ? await Legacy.CheckFirmwareAsync("residential", ct)
            : new PvsFirmwareCheck(PvsJson.String(await Legacy.GetJsonAsync("firmware/new_version", ct), "url")), cancellationToken);

    /// <summary>Live power notifications from the PVS6 WebSocket (port 9002). Varserver firmware only.</summary>
    public IAsyncEnumerable<PvsLiveData> StreamTelemetryAsync(Uri? uri = null, CancellationToken cancellationToken = default) =>
        Varserver is null
            ? throw new PvsCommandNotSupportedException("telemetry: only LocalAPI (varserver) firmware has the WebSocket stream")
            : VarserverTelemetry.StreamAsync(uri ?? VarserverTelemetry.DefaultUri(Endpoint), _transport.Options.Politeness.RequestTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Varserver is not null)
        {
            try
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Varserver.LogoutAsync(quick.Token);
            }
            catch (Exception ex) when (ex is PvsException or OperationCanceledException)
            {
                // The session expires on its own.
            }
        }

        _transport.Dispose();
    }

    private async Task<PvsDeviceSnapshot> FetchDevicesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PvsDevice> devices;
        if (Varserver is null)
        {
            devices = await Legacy.DeviceListAsync(cancellationToken);
            if (devices.OfType<PvsEnergyStorageSystem>().Any())
            {
                // One more request per DeviceList refresh, and only on SunVault sites: the metrics live nowhere else.
                devices = EssStatusMerger.Merge(devices, await Legacy.GetJsonAsync("energy-storage-system/status", cancellationToken));
            }
        }
        else
        {
            var info = await Varserver.MatchCachedAsync("/sys/info", InfoCacheId, cancellationToken);
            var variables = await Varserver.MatchCachedAsync("/sys/devices", DevicesCacheId, cancellationToken);
            var list = new List<PvsDevice>();
            if (VarserverDeviceMapper.MapSupervisor(info) is { } supervisor)
            {
                list.Add(supervisor);
            }

            list.AddRange(VarserverDeviceMapper.MapDevices(variables));
            devices = list;
        }

        var now = _transport.Time.GetUtcNow();
        var snapshot = new PvsDeviceSnapshot(devices, Generation, now)
        {
            MissingInverters = _roster.Observe(devices.OfType<PvsInverter>().Select(i => i.Serial)),
        };
        if (snapshot.MissingInverters.Count > 0)
        {
            _logger.LogInformation("{Count} known inverters missing from the device list; re-reading later", snapshot.MissingInverters.Count);
        }

        if (snapshot.Supervisor?.Uptime is { } uptime && _reboots.Observe(uptime.Value, now))
        {
            _logger.LogWarning("The PVS restarted (uptime now {Uptime} s)", uptime.Value);
            Varserver?.Reset();
            _cache.Clear();
            RebootDetected?.Invoke(this, uptime.Value);
        }

        return snapshot;
    }

    private async Task<T> CachedStaticAsync<T>(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken) where T : class
    {
        var result = await _cache.GetAsync(key, async ct => (object)await fetch(ct),
            (_, fetched) => _transport.Options.Politeness.Static.ExpiresAt(fetched), TimeSpan.Zero, cancellationToken);
        return (T)result.Value;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
