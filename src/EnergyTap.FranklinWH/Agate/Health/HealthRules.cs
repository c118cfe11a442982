namespace EnergyTap.FranklinWH.Agate.Health;

/// <summary>
/// The aGate-specific checks, pure: a sample in, findings out. Recommendations name actions ("release control"),
/// not commands of a particular front end; a front end words them its own way by <see cref="HealthFinding.Code"/>.
/// </summary>
public static class HealthRules
{
    /// <summary>Readings older than this are stale.</summary>
    public static TimeSpan MaxSampleAge { get; } = TimeSpan.FromMinutes(2);

    /// <summary>How long home load and grid must stay identical under a command before the registers count as frozen.</summary>
    public static TimeSpan CommandedFrozenWindow { get; } = TimeSpan.FromSeconds(30);

    public static HealthReport Evaluate(HealthSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var findings = new List<HealthFinding>();
        Control(sample, findings);
        Bounds(sample, findings);
        Freshness(sample, findings);
        if (findings.Count == 0)
        {
            findings.Add(new HealthFinding("ok", HealthSeverity.Info, "control state consistent, readings sane and moving", "nothing to do"));
        }

        return new HealthReport(sample.Now, findings);
    }

    private static void Control(HealthSample s, List<HealthFinding> findings)
    {
        if (s.WSetEna == 1 && !s.CommandOwned)
        {
            findings.Add(new("zombie-control", HealthSeverity.Critical,
                "WSetEna = 1 but no EnergyTap command owns it: the battery is held at WSetPct by a command nobody will revert",
                "release control to hand the battery back to the aGate, or issue a new command with a revert deadline"));
        }

        if (s.WSetEna == 1 && s.CommandOwned && s.CommandExpired)
        {
            findings.Add(new("expired-command", HealthSeverity.Critical,
                "the active command passed its revert deadline but is still enabled",
                "release control; if it persists, check the connection to the aGate"));
        }

        if (s.WSetEna == 0 && s.CommandOwned)
        {
            findings.Add(new("orphan-record", HealthSeverity.Warning,
                "EnergyTap remembers an active command but the aGate is not under Modbus control (released elsewhere or power-cycled)",
                "release control to clear the record"));
        }

        if (s.WSet is { } wset && wset != 0 && s.WSetPct is { } pct && pct != 0)
        {
            findings.Add(new("wset-conflict", HealthSeverity.Critical,
                $"WSet ({wset:0} W) and WSetPct ({pct:0.##} %) are both set: the aGate flickers between modes",
                "release control (zeroes WSet and WSetPct), then command with WSetPct only"));
        }
        else if (s.WSet is { } w && w != 0 && s.WSetEna == 1)
        {
            findings.Add(new("wset-nonzero", HealthSeverity.Warning,
                $"WSet is {w:0} W while control is enabled; EnergyTap only uses WSetPct",
                "release control to zero WSet"));
        }

        if (s.WSetEna == 1 && s.WSetMod is { } mode && mode != 0)
        {
            findings.Add(new("wsetmod-watts", HealthSeverity.Warning,
                $"WSetMod is {mode} (absolute watts) while control is enabled; the aGate works with WSetMod = 0",
                "issue the command again or release control"));
        }

        if (s.PFWInjEna == 0)
        {
            findings.Add(new("pf-disabled", HealthSeverity.Warning,
                "power factor correction (PFWInjEna) is off: the aGate's PF drops to about 0.003",
                "turn power factor correction back on (PFWInjEna = 1)"));
        }
    }

    private static void Bounds(HealthSample s, List<HealthFinding> findings)
    {
        foreach (var value in s.Bounded)
        {
            if (value.Value is { } v && (v < value.Minimum || v > value.Maximum))
            {
                findings.Add(new($"out-of-bounds:{value.Name}", HealthSeverity.Warning,
                    $"{value.Name} reads {v:0.###}, outside the sane range {value.Minimum:0.###}..{value.Maximum:0.###} (a near-0xFFFF value is the firmware's 'no data')",
                    "treat this reading as missing; if it persists, power-cycle the aGate"));
            }
        }
    }

    private static void Freshness(HealthSample s, List<HealthFinding> findings)
    {
        if (s.Live.Count == 0)
        {
            findings.Add(new("no-readings", HealthSeverity.Warning, "no live readings were taken", "check the connection to the aGate"));
            return;
        }

        var latest = s.Live.MaxBy(l => l.At)!;
        if (s.Now - latest.At > MaxSampleAge)
        {
            findings.Add(new("stale", HealthSeverity.Warning,
                $"the latest readings are {(s.Now - latest.At).TotalSeconds:0} s old",
                "check the network path to the aGate (Wi-Fi is slow; allow 10 s timeouts)"));
        }

        // A live aGate's home load and grid power move within seconds; identical values over several
        // samples spread in time mean the firmware stopped updating its registers. Under a command (WSetEna=1)
        // the battery power is steady because it is held, and with it the grid on a quiet house (load in
        // ~100 W steps): then only a longer window of identical home load and grid says "frozen".
        var commanded = s.WSetEna == 1;
        var span = s.Live.Max(l => l.At) - s.Live.Min(l => l.At);
        var moving = commanded
            ? s.Live.Select(l => (l.HomeLoadWatts, l.GridWatts, (double?)null, (double?)null))
            : s.Live.Select(l => (l.SocPercent, l.DcWatts, l.HomeLoadWatts, l.GridWatts));
        if (s.Live.Count >= 2 && span >= (commanded ? CommandedFrozenWindow : TimeSpan.FromSeconds(1))
            && moving.Distinct().Count() == 1
            && latest.HomeLoadWatts is not null and not 0)
        {
            findings.Add(new("frozen", HealthSeverity.Warning,
                $"{s.Live.Count} readings over {(s.Live.Max(l => l.At) - s.Live.Min(l => l.At)).TotalSeconds:0} s are identical: the aGate's registers look frozen",
                "power-cycle the aGate if this persists; do not rely on these readings for control"));
        }
    }
}
