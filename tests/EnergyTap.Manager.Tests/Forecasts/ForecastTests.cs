using EnergyTap.Manager.Forecasts;

namespace EnergyTap.Manager.Tests.Forecasts;

public sealed class ForecastTests
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Forecast_solar_points_are_local_times_and_slots_take_the_mean_of_the_line_between_them()
    {
        var forecast = ForecastSolarJson.Parse("""
            {"result": {"watts": {"2026-06-01 05:30:00": 0, "2026-06-01 06:00:00": 200, "2026-06-01 07:00:00": 1200, "2026-06-01 21:30:00": 0},
                        "watt_hours_period": {}},
             "message": {"code": 0, "type": "success", "info": {"timezone": "Europe/Berlin"}}}
            """);

        // Berlin is UTC+2 in June: 05:30 local is 03:30Z.
        var means = forecast.SlotMeans(Day.AddHours(3), TimeSpan.FromHours(1), 2);
        Assert.Equal(50, means[0], 9);   // 0 → 200 W over the last half hour
        Assert.Equal(700, means[1], 9);  // 200 → 1200 W
        Assert.Equal(0, forecast.SlotMeans(Day.AddHours(1), TimeSpan.FromHours(1), 1)[0]); // before sunrise
    }

    [Fact]
    public void Forecast_solar_times_without_a_zone_need_one()
    {
        const string json = """{"result": {"watts": {"2026-06-01 12:00:00": 100, "2026-06-01 13:00:00": 100}}}""";
        var error = Assert.Throws<ManagerInputException>(() => ForecastSolarJson.Parse(json));
        Assert.Contains("has no offset", error.Message, StringComparison.Ordinal);
        var utc = ForecastSolarJson.Parse(json, TimeZoneInfo.Utc);
        Assert.Equal(50, utc.SlotMeans(Day.AddHours(11), TimeSpan.FromHours(2), 1)[0], 9);
        Assert.Contains("\"result.watts\"", Assert.Throws<ManagerInputException>(() => ForecastSolarJson.Parse("""{"result": 5}""")).Message, StringComparison.Ordinal);
        Assert.Contains("not a number", Assert.Throws<ManagerInputException>(() => ForecastSolarJson.Parse("""{"result": {"watts": {"2026-06-01T12:00:00Z": "x"}}}""")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solcast_periods_end_at_period_end_and_are_kilowatts()
    {
        var forecast = SolcastJson.Parse("""
            {"forecasts": [
              {"pv_estimate": 2.0, "pv_estimate10": 1.0, "pv_estimate90": 2.5, "period_end": "2026-06-01T10:30:00.0000000Z", "period": "PT30M"},
              {"pv_estimate": 3.0, "pv_estimate10": 1.5, "pv_estimate90": 3.5, "period_end": "2026-06-01T11:00:00.0000000Z", "period": "PT30M"}]}
            """);

        Assert.Equal(2500, forecast.SlotMeans(Day.AddHours(10), TimeSpan.FromHours(1), 1)[0], 9);
        Assert.Equal([2000, 2000, 3000, 3000, 0], forecast.SlotMeans(Day.AddHours(10), TimeSpan.FromMinutes(15), 5));
    }

    [Theory]
    [InlineData("""{"estimates": []}""", "no \"forecasts\" array")]
    [InlineData("""{"forecasts": [{"period_end": "2026-06-01T10:30:00Z", "period": "PT30M"}]}""", "Solcast forecast 1: \"pv_estimate\" (kW) is missing")]
    [InlineData("""{"forecasts": [{"pv_estimate": 1, "period_end": "soon", "period": "PT30M"}]}""", "Solcast forecast 1: \"period_end\"")]
    [InlineData("""{"forecasts": [{"pv_estimate": 1, "period_end": "2026-06-01T10:30:00Z", "period": "half an hour"}]}""", "not an ISO 8601 duration")]
    [InlineData("""{"forecasts": [""", "not valid JSON")]
    public void Malformed_solcast_gives_one_line(string json, string expected)
    {
        var error = Assert.Throws<ManagerInputException>(() => SolcastJson.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void History_averages_the_same_time_of_day_over_recent_days_and_never_looks_ahead()
    {
        // Day k of history runs at a constant 100 × (k + 1) W; "now" is the start of day 8.
        var history = new HistoryForecast(new HistoryForecastOptions { Days = 3, ScaleByToday = false });
        for (var minute = 0; minute < 10 * 24 * 60; minute += 5)
            history.Add(Day.AddMinutes(minute), 100 * (minute / (24 * 60) + 1));
        var now = Day.AddDays(8);

        var means = history.At(now).SlotMeans(now.AddHours(1), TimeSpan.FromHours(1), 2);

        Assert.Equal(700, means[0], 9); // days 5, 6 and 7: 600, 700, 800 W — not days 8 and 9, which are after now
        Assert.Equal(700, means[1], 9);
    }

    [Fact]
    public void History_scales_the_rest_of_today_by_how_today_has_gone_so_far()
    {
        // Seven sunny days of 4 kW from 10:00 to 14:00; today only 2 kW until noon.
        var history = new HistoryForecast(new HistoryForecastOptions { Days = 7 });
        var today = Day.AddDays(7);
        var now = today.AddHours(12);
        for (var at = Day; at < now; at = at.AddMinutes(5))
        {
            var sunny = at.Hour is >= 10 and < 14;
            history.Add(at, !sunny ? 0 : at < today ? 4000 : 2000);
        }

        Assert.Equal(0.5, history.TodayScale(now), 9);
        var means = history.SlotMeans(now, now, TimeSpan.FromHours(1), 24);
        Assert.Equal(2000, means[0], 9);   // 12:00 today, halved
        Assert.Equal((6 * 4000 + 2000) / 7.0, means[22], 9);  // 10:00 tomorrow, unscaled (today's morning is one of its 7 days)
        Assert.Equal(0, means[6], 9);      // night
        Assert.Equal(1.0, history.TodayScale(today.AddHours(10))); // no sun yet to judge by
    }

    [Fact]
    public void A_solcast_forecast_takes_todays_measured_ratio_for_the_rest_of_today()
    {
        // Solcast promised 3 kW from 09:00 to 15:00 today and tomorrow; the panels gave 1.5 kW until noon.
        var periods = new List<PowerInterval>();
        foreach (var day in new[] { Day, Day.AddDays(1) })
            periods.Add(new PowerInterval(day.AddHours(9), day.AddHours(15), 3000));
        var solcast = new IntervalForecast(periods);
        var measured = new HistoryForecast();
        var now = Day.AddHours(12);
        for (var at = Day; at < now; at = at.AddMinutes(1))
            measured.Add(at, at.Hour >= 9 ? 1500 : 0);

        var (ratio, until) = measured.RatioTo(solcast, now);
        var scaled = new ScaledForecast(solcast, ratio, until).SlotMeans(now, TimeSpan.FromHours(1), 24);

        Assert.Equal(0.5, ratio, 9);
        Assert.Equal(1500, scaled[0], 9);   // this afternoon
        Assert.Equal(3000, scaled[21], 9);  // 09:00 tomorrow keeps the forecast
    }

    [Fact]
    public void With_no_past_day_a_history_can_fall_back_on_the_last_hour()
    {
        var history = new HistoryForecast(new HistoryForecastOptions { RecentFallback = TimeSpan.FromHours(1) });
        for (var at = Day; at < Day.AddHours(3); at = at.AddMinutes(1))
            history.Add(at, at < Day.AddHours(2) ? 300 : 900);

        Assert.Equal([900, 900], history.SlotMeans(Day.AddHours(3), Day.AddHours(3), TimeSpan.FromHours(1), 2));
    }

    [Fact]
    public void A_history_with_no_past_gives_zero_and_samples_must_not_go_backwards()
    {
        var history = new HistoryForecast();
        Assert.Equal([0, 0], history.SlotMeans(Day, Day, TimeSpan.FromHours(1), 2));
        history.Add(Day.AddHours(1), 100);
        Assert.Throws<ManagerInputException>(() => history.Add(Day, 100));
    }
}
