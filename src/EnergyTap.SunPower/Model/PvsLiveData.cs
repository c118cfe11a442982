namespace EnergyTap.SunPower.Model;

/// <summary>Where a livedata reading came from.</summary>
public enum PvsLiveDataSource
{
    /// <summary>/sys/livedata on varserver.</summary>
    Varserver,

    /// <summary>The varserver WebSocket telemetry stream (port 9002).</summary>
    Telemetry,

    /// <summary>Computed from the meters in a dl_cgi DeviceList (legacy firmware has no livedata).</summary>
    DeviceList,
}

/// <summary>
/// Site power flow. Net is grid consumption: positive imports, negative exports. Battery (ess) power and
/// state of charge are null without a SunVault ("nan" on the PVS). Energies are lifetime kWh counters.
/// </summary>
public sealed record PvsLiveData
{
    public DateTimeOffset? Time { get; init; }

    public PvsLiveDataSource Source { get; init; }

    public Quantity? PvPower { get; init; }

    public Quantity? PvEnergy { get; init; }

    public Quantity? NetPower { get; init; }

    public Quantity? NetEnergy { get; init; }

    public Quantity? SiteLoadPower { get; init; }

    public Quantity? SiteLoadEnergy { get; init; }

    public Quantity? EssPower { get; init; }

    public Quantity? EssEnergy { get; init; }

    /// <summary>Battery state of charge in percent (the PVS sends a 0–1 fraction).</summary>
    public Quantity? StateOfCharge { get; init; }

    public Quantity? BackupTimeRemaining { get; init; }

    public long? MidState { get; init; }

    /// <summary>Every variable as received, keyed by its short name (pv_p, soc, ...).</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();
}
