namespace EnergyTap.SunPower.Legacy;

/// <summary>CheckFW: "none", or the URL of a newer firmware.</summary>
public sealed record PvsFirmwareCheck(string? Url)
{
    public bool UpdateAvailable => !string.IsNullOrWhiteSpace(Url) && !string.Equals(Url, "none", StringComparison.OrdinalIgnoreCase);
}

/// <summary>GetCellPurchased / SetCellPurchased: "null" on most sites (no cellular plan).</summary>
public sealed record PvsCellPurchased(string? CellPurchased);

/// <summary>One discovery kind in GetDiscoveryProgress: TYPE, PROGR (percent), NFOUND.</summary>
public sealed record PvsDiscoveryStep(string? Type, int? Progress, int? Found);

/// <summary>GetDiscoveryProgress: progress per device kind and whether discovery has finished.</summary>
public sealed record PvsDiscoveryProgress(IReadOnlyList<PvsDiscoveryStep> Steps, bool? Complete);
