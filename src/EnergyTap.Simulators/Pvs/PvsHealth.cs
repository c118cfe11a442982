namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// The fragile part of a real PVS: polled too hard it stops answering (503 "No server is available") for minutes
/// and then comes back restarted, with a low dl_uptime and every LocalAPI session gone.
/// </summary>
internal sealed class PvsHealth(PvsPolitenessOptions options, SimulatedPvs pvs)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _recentRequests = new();
    private DateTimeOffset? _outageUntil;
    private DateTimeOffset? _lastDeviceList;
    private int _restarts;

    /// <summary>Raised after the simulated PVS came back from an outage (sessions must be dropped).</summary>
    public event Action? Restarted;

    public int Restarts { get { lock (_gate) { return _restarts; } } }

    /// <summary>True while the PVS is in its 503 window; ends the window (restarting the PVS) once it has passed.</summary>
    public bool IsDown(DateTimeOffset now)
    {
        bool restarted;
        lock (_gate)
        {
            if (_outageUntil is not { } until)
            {
                return false;
            }

            if (now < until)
            {
                return true;
            }

            RestartLocked(until);
            restarted = true;
        }

        if (restarted)
        {
            Restarted?.Invoke();
        }

        return false;
    }

    /// <summary>Counts a request towards the per-minute limit; true if this one pushed the PVS over the edge.</summary>
    public bool RegisterRequest(DateTimeOffset now)
    {
        lock (_gate)
        {
            _recentRequests.Enqueue(now);
            while (_recentRequests.Count > 0 && now - _recentRequests.Peek() >= Minute)
            {
                _recentRequests.Dequeue();
            }

            if (options.Enabled && _recentRequests.Count > options.MaxRequestsPerMinute)
            {
                CrashLocked(now);
                return true;
            }

            return false;
        }
    }

    /// <summary>Records a DeviceList start; true if it came too soon after the previous one and crashed the PVS.</summary>
    public bool RegisterDeviceList(DateTimeOffset now)
    {
        lock (_gate)
        {
            var previous = _lastDeviceList;
            _lastDeviceList = now;
            if (options.Enabled && previous is { } p && now - p < options.MinDeviceListInterval)
            {
                CrashLocked(now);
                return true;
            }

            return false;
        }
    }

    /// <summary>Start an outage now, as if the PVS had crashed (tests use it to force the 503 window).</summary>
    public void Crash(DateTimeOffset now)
    {
        lock (_gate)
        {
            CrashLocked(now);
        }
    }

    private void CrashLocked(DateTimeOffset now) => _outageUntil ??= now + options.OutageDuration;

    private void RestartLocked(DateTimeOffset at)
    {
        _outageUntil = null;
        _lastDeviceList = null;
        _recentRequests.Clear();
        _restarts++;
        pvs.BootTime = at;
    }
}
