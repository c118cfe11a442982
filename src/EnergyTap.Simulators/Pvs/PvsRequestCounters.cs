using System.Collections.Concurrent;

namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// How many requests the simulated PVS received, per endpoint, including the ones it refused. Keys are
/// "Command=&lt;name&gt;" for legacy commands, the path for REST-style dl_cgi calls ("/cgi-bin/dl_cgi/devices/list"),
/// "/auth?login", "/auth?logout", "/vars" and "ws" for telemetry connections. Each /vars request is also counted
/// by what it asked for: "/vars?match", "/vars?name", "/vars?cache", "/vars?set" (GET) or "/vars?post".
/// </summary>
public sealed class PvsRequestCounters
{
    public const string DeviceListCommand = "Command=DeviceList";
    public const string DevicesListPath = "/cgi-bin/dl_cgi/devices/list";
    public const string SupervisorInfoPath = "/cgi-bin/dl_cgi/supervisor/info";
    public const string Login = "/auth?login";
    public const string Logout = "/auth?logout";
    public const string Vars = "/vars";
    public const string VarsMatch = "/vars?match";
    public const string VarsName = "/vars?name";
    public const string VarsCache = "/vars?cache";
    public const string VarsSet = "/vars?set";
    public const string Telemetry = "ws";

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;
    private int _inFlight;
    private int _maxConcurrent;

    /// <summary>All requests, whatever the endpoint.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests that reached a DeviceList (legacy command or devices/list), refused or not.</summary>
    public long DeviceLists => this[DeviceListCommand] + this[DevicesListPath];

    /// <summary>The most requests that were ever being handled at the same time (a polite client keeps this at 1).</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public long this[string key] => _counts.TryGetValue(key, out var count) ? count : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _maxConcurrent, 0);
    }

    internal void Increment(string key)
    {
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Marks a request as being handled until the returned scope is disposed.</summary>
    internal InFlightScope Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }

        return new InFlightScope(this);
    }

    internal readonly struct InFlightScope(PvsRequestCounters owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }
}
