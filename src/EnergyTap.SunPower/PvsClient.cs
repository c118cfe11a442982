using System.Text;
using System.Text.Json;
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
    public Task<PvsDeviceSnapshot> GetDevicesAsync(CancellationToken cancellationToken = default) => GetDevicesAsync(fresh: false, cancellationToken);

    /// <summary>
    /// Every device; with <paramref name="fresh"/> a new read even when a cached answer (this process's, or another
    /// process's through <see cref="PvsClientOptions.SharedCache"/>) is still within its window. Still polite: a fresh
    /// DeviceList waits until <see cref="PolitenessOptions.DeviceListMinInterval"/> has passed since the last one.
    /// </summary>
    public async Task<PvsDeviceSnapshot> GetDevicesAsync(bool fresh, CancellationToken cancellationToken = default)
    {
        var policy = _transport.Options.Politeness;
        var window = Generation == PvsGeneration.Legacy ? policy.DeviceList : policy.Varserver;
        if (fresh)
        {
            _cache.Invalidate("devices");
        }

        // The window runs from when the PVS answered, which for a shared answer is before this process asked.
        var result = await _cache.GetAsync("devices", async ct => (object)await FetchDevicesAsync(fresh, ct),
            (value, fetched) => Earliest(window.ExpiresAt(((PvsDeviceSnapshot)value).FetchedAt), _roster.ReprobeAt(fetched)),
            staleFor: TimeSpan.Zero, cancellationToken);
        return (PvsDeviceSnapshot)result.Value;
    }

    /// <summary>Site power flow: /sys/livedata on varserver; computed from the meters on legacy firmware.</summary>
    public Task<PvsLiveData> GetLiveDataAsync(CancellationToken cancellationToken = default) => GetLiveDataAsync(fresh: false, cancellationToken);

    /// <summary>Site power flow; <paramref name="fresh"/> as for <see cref="GetDevicesAsync(bool, CancellationToken)"/>.</summary>
    public async Task<PvsLiveData> GetLiveDataAsync(bool fresh, CancellationToken cancellationToken = default)
    {
        if (Varserver is null)
        {
            return LiveDataParser.FromDeviceList(await GetDevicesAsync(fresh, cancellationToken));
        }

        if (fresh)
        {
            _cache.Invalidate("livedata");
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

    private async Task<PvsDeviceSnapshot> FetchDevicesAsync(bool fresh, CancellationToken cancellationToken)
    {
        IReadOnlyList<PvsDevice> devices;
        var now = _transport.Time.GetUtcNow();
        if (Varserver is null)
        {
            (devices, now) = await SharedDeviceListAsync(fresh, cancellationToken);
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

        var snapshot = new PvsDeviceSnapshot(devices, Generation, now)
        {
            MissingInverters = _roster.Observe(devices.OfType<PvsInverter>().Select(i => i.Serial)),
        };
        if (snapshot.MissingInverters.Count > 0)
        {
            _logger.LogInformation("{Count} known inverters missing from the device list; re-reading later", snapshot.MissingInverters.Count);
        }

        if (snapshot.Supervisor?.Uptime is { } uptime && _reboots.Observe(uptime.Value, _transport.Time.GetUtcNow()))
        {
            _logger.LogWarning("The PVS restarted (uptime now {Uptime} s)", uptime.Value);
            Varserver?.Reset();
            _cache.Clear();
            RebootDetected?.Invoke(this, uptime.Value);
        }

        return snapshot;
    }

    /// <summary>
    /// DeviceList, shared across processes when a <see cref="PvsSharedCache"/> is set: under its DeviceList lock
    /// (one process reads, the others wait and reuse the answer) a recent answer is taken as is, and a new read
    /// waits until the minimum interval since the last one has passed. Returns the devices and when the PVS answered.
    /// </summary>
    private async Task<(IReadOnlyList<PvsDevice> Devices, DateTimeOffset FetchedAt)> SharedDeviceListAsync(bool fresh, CancellationToken cancellationToken)
    {
        var options = _transport.Options;
        var time = _transport.Time;
        if (options.SharedCache is not { } shared)
        {
            var read = await ReadDeviceListAsync(cancellationToken);
            return (Parse(read), time.GetUtcNow());
        }

        var policy = options.Politeness;
        using var flight = await shared.LockAsync(_transport.SharedKey, "devicelist", policy.DeviceListTimeout + TimeSpan.FromMinutes(1), options.Waiting, cancellationToken);
        if (SharedDeviceList.Read(flight) is { } last && TryParse(last) is { } lastDevices)
        {
            var now = time.GetUtcNow();
            if (!fresh && now < policy.DeviceList.ExpiresAt(last.FetchedAt))
            {
                _logger.LogDebug("DeviceList taken from the shared cache ({Age:0} s old)", (now - last.FetchedAt).TotalSeconds);
                return (lastDevices, last.FetchedAt);
            }

            var wait = last.FetchedAt + policy.DeviceListMinInterval - now;
            if (wait > TimeSpan.Zero)
            {
                wait = wait < policy.DeviceListMinInterval ? wait : policy.DeviceListMinInterval;
                options.Waiting?.Invoke($"the PVS answered a DeviceList {Math.Max(0, (now - last.FetchedAt).TotalSeconds):0} s ago; "
                    + $"waiting {Math.Ceiling(wait.TotalSeconds):0} s before asking again (a PVS asked too often stops answering)…");
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        var fetched = await ReadDeviceListAsync(cancellationToken);
        var devices = Parse(fetched);
        var at = time.GetUtcNow();
        new SharedDeviceList(at, Encoding.UTF8.GetString(fetched.DeviceList), fetched.EssStatus).Write(flight);
        return (devices, at);
    }

    private sealed record DeviceListRead(byte[] DeviceList, string? EssStatus);

    private async Task<DeviceListRead> ReadDeviceListAsync(CancellationToken cancellationToken)
    {
        var body = await Legacy.DeviceListBodyAsync(cancellationToken);
        var devices = DeviceListParser.Parse(body);

        // One more request per DeviceList refresh, and only on SunVault sites: the metrics live nowhere else.
        var ess = devices.OfType<PvsEnergyStorageSystem>().Any()
            ? (await Legacy.GetJsonAsync("energy-storage-system/status", cancellationToken)).GetRawText()
            : null;
        return new DeviceListRead(body, ess);
    }

    private static IReadOnlyList<PvsDevice> Parse(DeviceListRead read)
    {
        var devices = DeviceListParser.Parse(read.DeviceList);
        if (read.EssStatus is not null)
        {
            using var status = JsonDocument.Parse(read.EssStatus);
            devices = EssStatusMerger.Merge(devices, status.RootElement);
        }

        return devices;
    }

    /// <summary>A shared answer, or null when it is damaged or came from another PVS at this address.</summary>
    private IReadOnlyList<PvsDevice>? TryParse(SharedDeviceList shared)
    {
        try
        {
            var devices = Parse(new DeviceListRead(Encoding.UTF8.GetBytes(shared.DeviceList), shared.EssStatus));
            var serial = devices.OfType<PvsSupervisor>().FirstOrDefault()?.Serial;
            return SupervisorInfo?.Serial is { Length: > 0 } expected && serial is not null && !string.Equals(expected, serial, StringComparison.OrdinalIgnoreCase)
                ? null
                : devices;
        }
        catch (Exception ex) when (ex is PvsException or JsonException)
        {
            return null;
        }
    }

    private async Task<T> CachedStaticAsync<T>(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken) where T : class
    {
        var result = await _cache.GetAsync(key, async ct => (object)await fetch(ct),
            (_, fetched) => _transport.Options.Politeness.Static.ExpiresAt(fetched), TimeSpan.Zero, cancellationToken);
        return (T)result.Value;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
