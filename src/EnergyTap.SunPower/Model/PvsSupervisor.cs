using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Model;

/// <summary>The PVS itself (DEVICE_TYPE "PVS" on dl_cgi, /sys/info on varserver). Its data refreshes every 5 minutes.</summary>
public sealed record PvsSupervisor : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.Supervisor;

    /// <summary>dl_uptime or /sys/info/uptime. A value lower than the last one means the PVS restarted.</summary>
    public Quantity? Uptime => Q(PvsUnit.Second, "dl_uptime", "uptime");

    public double? CpuLoadAverage => N("dl_cpu_load");

    public Quantity? MemoryUsed => Q(PvsUnit.Kibibyte, "dl_mem_used");

    public Quantity? FlashAvailable => Q(PvsUnit.Kibibyte, "dl_flash_avail");

    public Quantity? CpuUsage => Q(PvsUnit.Percent, "cpu_usage");

    public Quantity? RamUsage => Q(PvsUnit.Percent, "ram_usage");

    public Quantity? FlashUsage => Q(PvsUnit.Percent, "flash_usage");

    public long? CommunicationErrors => I("dl_comm_err");

    public long? ErrorCount => I("dl_err_count");

    public long? SkippedScans => I("dl_skipped_scans");

    public long? ScanTime => I("dl_scan_time");

    public long? Untransmitted => I("dl_untransmitted");

    public long? PanId => I("panid");

    /// <summary>The firmware build: BUILD, or the number after "Build" in SWVER (where PVS5 puts it).</summary>
    public int? Build => PvsBuild.From(Field("BUILD"), SoftwareVersion);
}
