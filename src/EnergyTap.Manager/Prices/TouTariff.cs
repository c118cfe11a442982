namespace EnergyTap.Manager.Prices;

/// <summary>
/// A US time-of-use rate table: seasons by month, and in each season periods by weekday and local time,
/// each with an import and an export price per kWh, in one time zone (IANA id, e.g. America/Los_Angeles).
/// The config binds to this shape; <see cref="Expand"/> turns it into price slots over any horizon.
/// </summary>
public sealed record TouTariff(string TimeZone, IReadOnlyList<TouSeason> Seasons)
{
    /// <summary>Why the table cannot be used (unknown time zone, a month in two seasons, overlapping periods, …), or null.</summary>
    public string? Problem()
    {
        if (Zone() is null)
            return $"the tariff time zone \"{TimeZone}\" is not known (use an IANA name such as America/Los_Angeles)";
        if (Seasons.Count == 0)
            return "the tariff has no seasons";
        var owner = new string?[13];
        foreach (var season in Seasons)
        {
            if (season.FromMonth is < 1 or > 12 || season.ToMonth is < 1 or > 12)
                return $"season \"{season.Name}\": months must be 1 to 12";
            foreach (var month in season.Months())
            {
                if (owner[month] is { } other)
                    return $"month {month} is in both season \"{other}\" and season \"{season.Name}\"";
                owner[month] = season.Name;
            }
            if (season.Periods.Count == 0)
                return $"season \"{season.Name}\" has no periods";
            foreach (var period in season.Periods)
                if (period.Problem() is { } problem)
                    return $"season \"{season.Name}\", period \"{period.Name}\": {problem}";
            // Two periods overlap when some weekday minute matches both; a week of minutes is cheap to check.
            for (var minute = 0; minute < 7 * 24 * 60; minute += 1)
            {
                var day = (DayOfWeek)(minute / (24 * 60));
                var time = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute % (24 * 60)));
                var matching = season.Periods.Where(p => p.Covers(day, time)).Take(2).ToList();
                if (matching.Count > 1)
                    return $"season \"{season.Name}\": periods \"{matching[0].Name}\" and \"{matching[1].Name}\" overlap on {day} at {time:HH\\:mm}";
            }
        }
        return null;
    }

    /// <summary>
    /// Import and export price slots covering [from, to). Boundaries follow local wall-clock time through
    /// daylight-saving changes (a period "16:00–21:00" is 5 h on every day, in local time). A time no
    /// period covers is left as a gap (an unknown price). Throws when <see cref="Problem"/> is not null.
    /// </summary>
    public (IReadOnlyList<PriceSlot> Import, IReadOnlyList<PriceSlot> Export) Expand(DateTimeOffset from, DateTimeOffset to)
    {
        if (Problem() is { } problem)
            throw new ManagerInputException(problem);
        var zone = Zone()!;
        var import = new List<PriceSlot>();
        var export = new List<PriceSlot>();
        var cuts = Boundaries(zone, from, to);
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            // Between two boundaries the local date and time-of-day move without crossing a rule edge,
            // so the period at the midpoint holds for the whole piece.
            var middle = TimeZoneInfo.ConvertTime(start + (end - start) / 2, zone);
            var period = PeriodAt(DateOnly.FromDateTime(middle.DateTime), TimeOnly.FromDateTime(middle.DateTime));
            if (period is null)
                continue;
            Append(import, start, end, period.ImportPrice);
            Append(export, start, end, period.ExportPrice);
        }
        return (import, export);
    }

    internal TouPeriod? PeriodAt(DateOnly date, TimeOnly time)
    {
        var day = date.DayOfWeek;
        foreach (var season in Seasons)
        {
            // A period that runs past midnight belongs to the season and weekday it started on.
            foreach (var period in season.Periods)
            {
                if (period.Wraps && time < period.To)
                {
                    var yesterday = date.AddDays(-1);
                    if (season.Months().Contains(yesterday.Month) && period.Days.Contains(yesterday.DayOfWeek))
                        return period;
                }
                else if (season.Months().Contains(date.Month) && period.StartsCover(day, time))
                    return period;
            }
        }
        return null;
    }

    private TimeZoneInfo? Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    // Every instant where the period can change: each local day's midnight and period edges (under every
    // offset that local time has that day), and every offset change of the zone itself.
    private List<DateTimeOffset> Boundaries(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var cuts = new SortedSet<DateTimeOffset> { from, to };
        var edges = Seasons.SelectMany(s => s.Periods).SelectMany(p => new[] { p.From, p.To }).Append(TimeOnly.MinValue).Distinct().ToList();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var edge in edges)
            {
                var local = day.ToDateTime(edge, DateTimeKind.Unspecified);
                if (zone.IsInvalidTime(local))
                    continue; // skipped by the clock change; the change itself is a cut below
                var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
                foreach (var offset in offsets)
                    AddInside(cuts, new DateTimeOffset(local, offset).ToUniversalTime(), from, to);
            }
        }
        // Offset changes: scan hourly, then narrow each change to the second.
        var previous = from;
        for (var probe = from.AddHours(1); ; probe = probe.AddHours(1))
        {
            var at = probe < to ? probe : to;
            if (zone.GetUtcOffset(at) != zone.GetUtcOffset(previous))
                AddInside(cuts, OffsetChange(zone, previous, at), from, to);
            if (at == to)
                break;
            previous = at;
        }
        return [.. cuts];
    }

    private static DateTimeOffset OffsetChange(TimeZoneInfo zone, DateTimeOffset before, DateTimeOffset after)
    {
        var offset = zone.GetUtcOffset(before);
        while (after - before > TimeSpan.FromSeconds(1))
        {
            var middle = before + (after - before) / 2;
            if (zone.GetUtcOffset(middle) == offset)
                before = middle;
            else
                after = middle;
        }
        return new DateTimeOffset(after.UtcTicks - after.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private static void AddInside(SortedSet<DateTimeOffset> cuts, DateTimeOffset cut, DateTimeOffset from, DateTimeOffset to)
    {
        if (cut > from && cut < to)
            cuts.Add(cut);
    }

    private static void Append(List<PriceSlot> slots, DateTimeOffset start, DateTimeOffset end, double value)
    {
        // Neighbouring pieces of one price become one slot (a rule edge that changes nothing is not a slot).
        if (slots.Count > 0 && slots[^1].End == start && slots[^1].Value.Equals(value))
            slots[^1] = slots[^1] with { End = end };
        else
            slots.Add(new PriceSlot(start, end, value));
    }
}

/// <summary>A season: months <see cref="FromMonth"/> to <see cref="ToMonth"/> inclusive (wrapping past December, e.g. 10 to 5).</summary>
public sealed record TouSeason(string Name, int FromMonth, int ToMonth, IReadOnlyList<TouPeriod> Periods)
{
    internal IEnumerable<int> Months()
    {
        for (var month = FromMonth; ; month = month % 12 + 1)
        {
            yield return month;
            if (month == ToMonth)
                yield break;
        }
    }
}

/// <summary>
/// A rate period: on <see cref="Days"/>, from local time <see cref="From"/> to <see cref="To"/> (exclusive).
/// <see cref="To"/> 00:00 means midnight; a <see cref="To"/> before <see cref="From"/> runs past midnight
/// (21:00–07:00); equal times mean the whole day.
/// </summary>
public sealed record TouPeriod(string Name, IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To, double ImportPrice, double ExportPrice)
{
    public static IReadOnlySet<DayOfWeek> Weekdays { get; } = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public static IReadOnlySet<DayOfWeek> Weekends { get; } = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public static IReadOnlySet<DayOfWeek> EveryDay { get; } = Enum.GetValues<DayOfWeek>().ToHashSet();

    internal bool Wraps => To != TimeOnly.MinValue && To < From;

    internal string? Problem() =>
        Days.Count == 0 ? "no weekdays"
        : !double.IsFinite(ImportPrice) || !double.IsFinite(ExportPrice) ? "prices must be finite numbers"
        : null;

    // The part of the period that lies on the day it starts.
    internal bool StartsCover(DayOfWeek day, TimeOnly time) =>
        Days.Contains(day) && time >= From && (From == To || To == TimeOnly.MinValue || Wraps || time < To);

    internal bool Covers(DayOfWeek day, TimeOnly time) =>
        StartsCover(day, time) || (Wraps && time < To && Days.Contains((DayOfWeek)(((int)day + 6) % 7)));
}
