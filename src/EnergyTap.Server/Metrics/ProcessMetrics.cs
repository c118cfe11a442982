using System.Diagnostics;
using System.Reflection;

namespace EnergyTap.Server.Metrics;

/// <summary>
/// The standard process metrics (<c>process_cpu_seconds_total</c>, <c>process_resident_memory_bytes</c>,
/// <c>process_start_time_seconds</c>) plus <c>energytap_build_info{version}</c>, refreshed on every scrape.
/// </summary>
public static class ProcessMetrics
{
    /// <summary>Registers the process metrics in <paramref name="registry"/>.</summary>
    public static void Register(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var cpu = registry.GetOrCreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.").WithLabels();
        var memory = registry.GetOrCreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.").WithLabels();
        var start = registry.GetOrCreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.").WithLabels();
        var version = typeof(ProcessMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        registry.GetOrCreateGauge("energytap_build_info", "Always 1; the version label names the running EnergyTap build.", "version")
            .WithLabels(version).Set(1);

        using (var self = Process.GetCurrentProcess())
        {
            start.Set(new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        }

        registry.BeforeCollect(() =>
        {
            using var self = Process.GetCurrentProcess();
            cpu.Set(self.TotalProcessorTime.TotalSeconds);
            memory.Set(self.WorkingSet64);
        });
    }
}
