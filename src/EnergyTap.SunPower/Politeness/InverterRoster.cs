namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// Remembers every inverter ever seen. When a read lacks some (a discovery that ran at night misses sleeping
/// inverters), it asks for an earlier re-read, backing off 5 min, 10 min, 20 min … so the PVS is not hammered
/// while the inverters are simply asleep.
/// </summary>
public sealed class InverterRoster(TimeSpan firstReprobe, TimeSpan maxReprobe)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);
    private int _reprobes;

    /// <summary>Records a read; returns the inverters known but missing from it.</summary>
    public IReadOnlyList<string> Observe(IEnumerable<string> present)
    {
        lock (_lock)
        {
            var now = new HashSet<string>(present, StringComparer.OrdinalIgnoreCase);
            var missing = _known.Where(serial => !now.Contains(serial)).Order(StringComparer.Ordinal).ToList();
            _known.UnionWith(now);
            _reprobes = missing.Count == 0 ? 0 : _reprobes + 1;
            return missing;
        }
    }

    /// <summary>When to re-read after a read with missing inverters, or null when none are missing.</summary>
    public DateTimeOffset? ReprobeAt(DateTimeOffset fetchedAt)
    {
        lock (_lock)
        {
            if (_reprobes == 0)
            {
                return null;
            }

            var factor = Math.Pow(2, Math.Min(_reprobes - 1, 20));
            return fetchedAt + TimeSpan.FromTicks((long)Math.Min(firstReprobe.Ticks * factor, maxReprobe.Ticks));
        }
    }
}
