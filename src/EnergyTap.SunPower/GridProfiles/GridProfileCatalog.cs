namespace EnergyTap.SunPower.GridProfiles;

/// <summary>Answers "which profiles may apply here?" over a list from GridProfileRefresh.</summary>
public static class GridProfileCatalog
{
    /// <summary>Profiles whose zip ranges or lists include the zip code, most specific (fewest zips covered) first, each id once.</summary>
    public static IReadOnlyList<GridProfile> ForZip(IEnumerable<GridProfile> profiles, int zip) =>
        profiles
            .Where(p => p.AppliesTo(zip))
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderBy(p => p.Coverage)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
