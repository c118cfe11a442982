using System.Globalization;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>CPU time and memory of another process, read from /proc (what top and ps report).</summary>
internal sealed class ProcessSampler(int pid)
{
    // USER_HZ: /proc/PID/stat counts CPU time in 1/100 s on Linux.
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may contain spaces; fields after the closing parenthesis are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    /// <summary>Resident memory now (VmRSS) in MiB.</summary>
    public double ResidentMiB() => StatusKiB("VmRSS:") / 1024.0;

    /// <summary>The highest resident memory so far (VmHWM) in MiB.</summary>
    public double PeakResidentMiB() => StatusKiB("VmHWM:") / 1024.0;

    private long StatusKiB(string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
