namespace EnergyTap.SunPower.Politeness;

/// <summary>
/// How long a cached answer stays fresh. With <paramref name="AlignTo"/>, the answer stays fresh until the
/// PVS's next refresh boundary (plus <paramref name="Grace"/> for it to finish), but never less than
/// <paramref name="MinAge"/>: with a 2-minute minimum, a 5-minute-cadence value fetched at 12:04:50 is re-read at
/// 12:06:50 (after the 12:05 refresh), then at 12:10:20, 12:15:20 … just after each refresh.
/// </summary>
public sealed record CacheWindow(TimeSpan MinAge, TimeSpan? AlignTo = null, TimeSpan Grace = default)
{
    public DateTimeOffset ExpiresAt(DateTimeOffset fetchedAt)
    {
        var earliest = fetchedAt + MinAge;
        if (AlignTo is not { Ticks: > 0 } period)
        {
            return earliest;
        }

        var boundary = new DateTimeOffset((fetchedAt.UtcTicks / period.Ticks + 1) * period.Ticks, TimeSpan.Zero) + Grace;
        return boundary > earliest ? boundary : earliest;
    }
}
