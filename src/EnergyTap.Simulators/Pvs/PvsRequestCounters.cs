using System.Collections.Concurrent;

namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// How many requests the simulated PVS received, per endpoint, including the ones it refused. Keys are
/// "Command=&lt;name&gt;" for legacy commands, the path for REST-style dl_cgi calls ("/cgi-bin/dl_cgi/devices/list"),
/// "/auth?login", "/auth?logout", "/vars" and "ws" for telemetry connections.
/// </summary>
public sealed class PvsRequestCounters
{
    public const string DeviceListCommand = "Command=DeviceList";
    public const string DevicesListPath = "/cgi-bin/dl_cgi/devices/list";
    public const string SupervisorInfoPath = "/cgi-bin/dl_cgi/supervisor/info";
    public const string Login = "/auth?login";
    public const string Logout = "/auth?logout";
    public const string Vars = "/vars";
    public const string Telemetry = "ws";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>All requests, whatever the endpoint.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests that reached a DeviceList (legacy command or devices/list), refused or not.</summary>
    public long DeviceLists => this[DeviceListCommand] + this[DevicesListPath];

    public long this[string key] => _counts.TryGetValue(key, out var count) ? count : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    internal void Increment(string key)
    {
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }
}
