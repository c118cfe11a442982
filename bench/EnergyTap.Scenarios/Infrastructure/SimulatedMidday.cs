namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>
/// A simulated PVS reports full inverter data only in daylight; a site time zone that puts "now" at solar noon
/// makes runs at any hour produce the same, realistic payloads.
/// </summary>
internal static class SimulatedMidday
{
    public static TimeSpan SiteUtcOffset()
    {
        var offset = TimeSpan.FromHours(12) - DateTimeOffset.UtcNow.TimeOfDay;
        return TimeSpan.FromMinutes(Math.Round(offset.TotalMinutes));
    }
}
