namespace EnergyTap.SunPower.GridProfiles;

/// <summary>An inclusive zip code range; a missing bound is open (the PVS sends {"min":96701} and {"max":-1}).</summary>
public sealed record ZipRange(int? Min, int? Max)
{
    public bool Contains(int zip) => zip >= (Min ?? 0) && (Max is not { } max || max < 0 || zip <= max);

    /// <summary>How many zip codes the range spans; open ranges span everything.</summary>
    public long Width => Max is { } max && max >= 0 ? Math.Max(0, (long)max - (Min ?? 0) + 1) : int.MaxValue;
}

/// <summary>
/// One grid profile from GridProfileRefresh. Zip codes come either as ranges or as a plain list; a profile
/// with neither applies everywhere.
/// </summary>
public sealed record GridProfile(string Id, string? Name, string? Filename, bool IsDefault, bool? SelfSupply, IReadOnlyList<ZipRange> ZipRanges, IReadOnlyList<int> ZipCodes)
{
    public bool AppliesTo(int zip) =>
        (ZipRanges.Count == 0 && ZipCodes.Count == 0) || ZipCodes.Contains(zip) || ZipRanges.Any(r => r.Contains(zip));

    /// <summary>How many zip codes the profile covers: a measure of how specific it is.</summary>
    public long Coverage => ZipRanges.Count == 0 && ZipCodes.Count == 0 ? int.MaxValue : ZipCodes.Count + ZipRanges.Sum(r => r.Width);
}

/// <summary>GridProfileGet: the active profile, the pending one (differs while a change rolls out) and rollout progress.</summary>
public sealed record GridProfileStatus(string? ActiveId, string? ActiveName, string? PendingId, string? PendingName, double? Percent, string? SupportedBy, string? Status)
{
    public bool ChangePending => PendingId is not null && !string.Equals(PendingId, ActiveId, StringComparison.OrdinalIgnoreCase);
}
