namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// How gently to treat one PVS. Defaults follow what keeps real units healthy: never two requests at once,
/// a pause between requests, DeviceList at most every couple of minutes, exponential backoff after 5xx.
/// </summary>
public sealed record PolitenessOptions
{
    /// <summary>Least time between the end of one request and the start of the next.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout for ordinary requests.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>DeviceList can take over a minute on large sites.</summary>
    public TimeSpan DeviceListTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>First pause after a 503/5xx; doubles with each further failure.</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest pause between attempts while the PVS keeps failing.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Least time between two DeviceList reads by any process sharing a <see cref="PvsSharedCache"/>, even when a
    /// fresh read is insisted on: back-to-back DeviceLists are what knocks a legacy PVS over.
    /// </summary>
    public TimeSpan DeviceListMinInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>DeviceList (dl_cgi): supervisor and inverter data change on 5-minute boundaries.</summary>
    public CacheWindow DeviceList { get; init; } = new(TimeSpan.FromSeconds(120), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20));

    /// <summary>Varserver cached device/livedata queries: meters refresh every 5–15 s.</summary>
    public CacheWindow Varserver { get; init; } = new(TimeSpan.FromSeconds(10));

    /// <summary>Supervisor info, grid profiles, firmware checks: change rarely.</summary>
    public CacheWindow Static { get; init; } = new(TimeSpan.FromMinutes(10));

    /// <summary>First re-probe delay for inverters that vanished (e.g. discovery ran at night); doubles up to the cap.</summary>
    public TimeSpan MissingInverterReprobe { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MissingInverterReprobeMax { get; init; } = TimeSpan.FromHours(1);
}
