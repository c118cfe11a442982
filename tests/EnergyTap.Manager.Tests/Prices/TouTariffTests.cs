using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Tests.Prices;

public sealed class TouTariffTests
{
    // A California-style plan: summer June–September, winter October–May; peak 16–21 every day, a
    // weekday-only part-peak 15–16, off-peak the rest, cheaper on weekend mornings (winter's off-peak wraps past midnight).
    private static readonly TouTariff Plan = new("America/Los_Angeles",
    [
        new TouSeason("summer", 6, 9,
        [
            new TouPeriod("peak", TouPeriod.EveryDay, new TimeOnly(16, 0), new TimeOnly(21, 0), 0.52, 0.08),
            new TouPeriod("part-peak", TouPeriod.Weekdays, new TimeOnly(15, 0), new TimeOnly(16, 0), 0.40, 0.06),
            new TouPeriod("morning", TouPeriod.Weekdays, new TimeOnly(0, 0), new TimeOnly(15, 0), 0.30, 0.04),
            new TouPeriod("weekend morning", TouPeriod.Weekends, new TimeOnly(0, 0), new TimeOnly(16, 0), 0.28, 0.04),
            new TouPeriod("night", TouPeriod.EveryDay, new TimeOnly(21, 0), new TimeOnly(0, 0), 0.30, 0.04),
        ]),
        new TouSeason("winter", 10, 5,
        [
            new TouPeriod("peak", TouPeriod.EveryDay, new TimeOnly(16, 0), new TimeOnly(21, 0), 0.45, 0.07),
            new TouPeriod("off-peak", TouPeriod.EveryDay, new TimeOnly(21, 0), new TimeOnly(16, 0), 0.29, 0.03),
        ]),
    ]);

    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new(new DateTime(year, month, day, hour, 0, 0), Pacific.GetUtcOffset(new DateTime(year, month, day, hour, 0, 0)));

    [Fact]
    public void Weekdays_and_weekends_get_their_own_periods()
    {
        // Friday 2026-07-03 and Saturday 2026-07-04.
        var (import, export) = Plan.Expand(Local(2026, 7, 3, 0), Local(2026, 7, 5, 0));
        var schedule = new PriceSchedule(import);

        Assert.Equal(0.40, schedule.MeanOver(Local(2026, 7, 3, 15), Local(2026, 7, 3, 16)));
        Assert.Equal(0.28, schedule.MeanOver(Local(2026, 7, 4, 15), Local(2026, 7, 4, 16)));
        Assert.Equal(0.52, schedule.MeanOver(Local(2026, 7, 4, 16), Local(2026, 7, 4, 21)));
        Assert.Equal(0.30, schedule.MeanOver(Local(2026, 7, 3, 21), Local(2026, 7, 4, 0)));
        Assert.Equal(0.28, schedule.MeanOver(Local(2026, 7, 4, 0), Local(2026, 7, 4, 15)));
        Assert.Equal(0.08, new PriceSchedule(export).MeanOver(Local(2026, 7, 3, 17), Local(2026, 7, 3, 18)));
        Assert.All(import.Zip(import.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start)); // no gaps
    }

    [Fact]
    public void Peak_stays_at_local_four_to_nine_across_the_spring_and_autumn_clock_changes()
    {
        foreach (var (from, to) in new[] { (Local(2026, 3, 7, 0), Local(2026, 3, 10, 0)), (Local(2026, 10, 31, 0), Local(2026, 11, 3, 0)) })
        {
            var (import, _) = Plan.Expand(from, to);
            var peaks = import.Where(s => s.Value == 0.45).ToList();

            Assert.Equal(3, peaks.Count);
            Assert.All(peaks, p => Assert.Equal(TimeSpan.FromHours(5), p.End - p.Start));
            Assert.All(peaks, p => Assert.Equal(16, TimeZoneInfo.ConvertTime(p.Start, Pacific).Hour));
            Assert.Equal(to - from, TimeSpan.FromTicks(import.Sum(s => (s.End - s.Start).Ticks))); // 23 h and 25 h days covered
        }
        // The spring day has 23 hours: off-peak from 21:00 on the 7th to 16:00 on the 8th is 18 h, not 19.
        var (spring, _) = Plan.Expand(Local(2026, 3, 7, 0), Local(2026, 3, 10, 0));
        var night = spring.Single(s => s.Start == Local(2026, 3, 7, 21));
        Assert.Equal(TimeSpan.FromHours(18), night.End - night.Start);
    }

    [Fact]
    public void The_season_changes_on_the_first_of_the_month()
    {
        var (import, _) = Plan.Expand(Local(2026, 9, 30, 12), Local(2026, 10, 1, 23));
        var schedule = new PriceSchedule(import);

        Assert.Equal(0.52, schedule.MeanOver(Local(2026, 9, 30, 17), Local(2026, 9, 30, 18)));
        Assert.Equal(0.45, schedule.MeanOver(Local(2026, 10, 1, 17), Local(2026, 10, 1, 18)));
    }

    [Fact]
    public void A_table_that_cannot_be_used_says_what_is_wrong()
    {
        Assert.Null(Plan.Problem());
        Assert.Contains("not known", (Plan with { TimeZone = "Mars/Olympus" }).Problem(), StringComparison.Ordinal);
        var twice = Plan with { Seasons = [Plan.Seasons[0], Plan.Seasons[1] with { FromMonth = 9 }] };
        Assert.Equal("month 9 is in both season \"summer\" and season \"winter\"", twice.Problem());
        var overlapping = Plan with { Seasons = [Plan.Seasons[0], Plan.Seasons[1] with { Periods = [.. Plan.Seasons[1].Periods, new TouPeriod("super", TouPeriod.Weekends, new TimeOnly(18, 0), new TimeOnly(19, 0), 0.9, 0)] }] };
        Assert.Equal("season \"winter\": periods \"peak\" and \"super\" overlap on Sunday at 18:00", overlapping.Problem());
        Assert.Throws<ManagerInputException>(() => overlapping.Expand(Local(2026, 1, 1, 0), Local(2026, 1, 2, 0)));
    }

    [Fact]
    public void A_time_no_period_covers_is_a_gap()
    {
        var partial = new TouTariff("UTC", [new TouSeason("all", 1, 12, [new TouPeriod("peak", TouPeriod.EveryDay, new TimeOnly(16, 0), new TimeOnly(21, 0), 0.5, 0)])]);
        var day = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var (import, _) = partial.Expand(day, day.AddDays(1));

        var only = Assert.Single(import);
        Assert.Equal(day.AddHours(16), only.Start);
        Assert.Equal(day.AddHours(21), only.End);
    }
}
