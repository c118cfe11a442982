namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// Notices a PVS restart: its uptime (dl_uptime, /sys/info/uptime) went down between two reads. Restarts
/// follow overload (503 storms), so callers use this to back off and to drop server-side state (sessions, cache ids).
/// </summary>
public sealed class RebootDetector
{
    private readonly Lock _lock = new();
    private double? _lastUptime;

    public int RebootsDetected { get; private set; }

    public DateTimeOffset? LastRebootAt { get; private set; }

    public double? LastUptimeSeconds
    {
        get { lock (_lock) { return _lastUptime; } }
    }

    /// <summary>Records an uptime reading; true when it shows the PVS restarted since the previous one.</summary>
    public bool Observe(double uptimeSeconds, DateTimeOffset now)
    {
        lock (_lock)
        {
            var rebooted = _lastUptime is { } last && uptimeSeconds < last;
            _lastUptime = uptimeSeconds;
            if (rebooted)
            {
                RebootsDetected++;
                LastRebootAt = now - TimeSpan.FromSeconds(uptimeSeconds);
            }

            return rebooted;
        }
    }
}
