using System.Globalization;
using System.Text;
using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;
using EnergyTap.Manager.Replay;

namespace EnergyTap.Manager.Tests;

public sealed class ReplayTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BatterySpec Battery = new(13600, 5000, 5000);

    private static Trace Build(TimeSpan length, TimeSpan step, Func<TimeSpan, (double Load, double Pv)> at)
    {
        var samples = new List<TraceSample>();
        for (var t = TimeSpan.Zero; t < length; t += step)
        {
            var (load, pv) = at(t);
            samples.Add(new TraceSample(Start + t, load, pv));
        }

        return new Trace(samples, step);
    }

    private static IReadOnlyList<PriceSlot> Flat(double value, TimeSpan length) => [new PriceSlot(Start, Start + length, value)];

    private static ReplayOptions Options(Policy policy, TimeSpan length) => new(Battery, policy, Flat(0.30, length))
    {
        ExportPrices = Flat(0.05, length),
        MeterLatency = TimeSpan.FromSeconds(2),
    };

    /// <summary>A 500 W base load with a 2.5 kW kettle every 3 minutes for 40 s, a 4 kW oven for 5 minutes each hour, and PV going in and out.</summary>
    private static (double, double) StepLoads(TimeSpan t)
    {
        var load = 500.0;
        if (t.TotalSeconds % 180 < 40)
        {
            load += 2500;
        }

        if (t.TotalMinutes % 60 is >= 20 and < 25)
        {
            load += 4000;
        }

        var pv = t.TotalMinutes % 30 < 12 ? 1800.0 : 300.0;
        return (load, pv);
    }

    [Fact]
    public void Self_consumption_holds_the_grid_on_step_loads_with_2_s_latency_without_hunting()
    {
        var length = TimeSpan.FromHours(3);
        var trace = Build(length, TimeSpan.FromSeconds(1), StepLoads);
        var result = new ReplayEngine().Run(trace, Options(new Policy(ManageMode.SelfConsumption), length));

        Assert.True(result.GridWithin100WFraction >= 0.9, $"within 100 W {result.GridWithin100WFraction:P1}");
        Assert.True(result.ReversalsPerMinuteMax <= 2, $"{result.ReversalsPerMinuteMax} reversals in a minute");
        Assert.Equal(0, result.LimitViolations);
        Assert.Equal(0, result.FollowAlarms);
        Assert.True(result.Cost < result.CostWithoutBattery);
    }

    [Fact]
    public void The_same_holds_with_a_2_s_loop_period()
    {
        var length = TimeSpan.FromHours(2);
        var trace = Build(length, TimeSpan.FromSeconds(1), StepLoads);
        var options = Options(new Policy(ManageMode.SelfConsumption), length) with { Loop = new Loop.LoopOptions { Period = TimeSpan.FromSeconds(2) } };
        var result = new ReplayEngine().Run(trace, options);
        Assert.True(result.GridWithin100WFraction >= 0.9, $"within 100 W {result.GridWithin100WFraction:P1}");
        Assert.True(result.ReversalsPerMinuteMax <= 2, $"{result.ReversalsPerMinuteMax} reversals in a minute");
        Assert.Equal(0, result.FollowAlarms);
    }

    [Fact]
    public void Energy_balances_and_the_battery_never_goes_below_its_floor()
    {
        // A day: a 1 kW load, 4 kW of PV at noon; a low start so the battery reaches its floor at night.
        var length = TimeSpan.FromHours(24);
        var trace = Build(length, TimeSpan.FromSeconds(10), t => (1000 + (t.TotalMinutes % 47 < 3 ? 2000 : 0), Math.Max(0, 4000 * Math.Sin((t.TotalHours - 6) / 12 * Math.PI))));
        var policy = new Policy(ManageMode.SelfConsumption) { BackupHoldPercent = 30 };
        var options = Options(policy, length) with { InitialSocPercent = 40 };
        var result = new ReplayEngine().Run(trace, options);

        // AC side: load = PV + import − export + discharge − charge.
        Assert.Equal(result.LoadKwh, result.PvKwh + result.ImportKwh - result.ExportKwh + result.DischargeKwh - result.ChargeKwh, 6);
        // DC side: what went in minus what came out minus the losses is the change in stored energy.
        var storedChangeKwh = (result.EndSocPercent - 40) / 100 * Battery.CapacityWh / 1000;
        Assert.Equal(storedChangeKwh, result.ChargeKwh - result.DischargeKwh - result.BatteryLossKwh, 6);
        Assert.True(result.BatteryThroughputKwh > 5);
        Assert.True(result.MinSocPercent >= 30, $"min SoC {result.MinSocPercent}");
        Assert.True(result.MaxSocPercent > 50);
        Assert.Equal(0, result.LimitViolations);
    }

    [Fact]
    public void Native_replay_leaves_the_battery_alone()
    {
        var length = TimeSpan.FromHours(1);
        var trace = Build(length, TimeSpan.FromSeconds(5), StepLoads);
        var result = new ReplayEngine().Run(trace, Options(new Policy(ManageMode.Native), length));
        Assert.Equal(result.CostWithoutBattery, result.Cost, 9);
        Assert.Equal(0, result.Commands);
        Assert.Null(result.GridWithin100WFraction);
    }

    [Fact]
    public void Tou_follows_the_planners_slots_and_reports_its_optimum()
    {
        var length = TimeSpan.FromHours(4);
        var trace = Build(length, TimeSpan.FromSeconds(10), _ => (800, 0));
        var planner = new HourlyPlanner();
        var result = new ReplayEngine(planner).Run(trace, Options(new Policy(ManageMode.Tou), length) with { InitialSocPercent = 50 });

        Assert.Equal(-123, result.OptimalCost);
        Assert.True(planner.Inputs.Count >= 16, $"{planner.Inputs.Count} plans");
        var last = planner.Inputs[^1];
        Assert.True(last.EndSocAtLeastPercent == 50 && last.PvForecastWatts.Count == 16, "the optimum spans the whole trace and ends at the starting SoC");
        // Planning rounds whose 24 h reach the end of the trace must end at the starting SoC too.
        Assert.All(planner.Inputs, input => Assert.Equal(50, input.EndSocAtLeastPercent));
        Assert.All(planner.Inputs.SkipLast(1), input => Assert.Equal(800, input.LoadForecastWatts[0], 6));
        // Hour 1 charges from the grid at 3 kW (3 kWh × √0.9 ≈ 2.85 kWh stored, +20.9 %), hour 2 holds.
        Assert.InRange(result.MaxSocPercent, 70.5, 71.2);
        Assert.InRange(result.ImportKwh, 4.5, 4.7); // 0.8 + 3 (charge) + 0.8 (hold), then the battery carries the load
        Assert.Equal(0, result.PlanChanges);
    }

    [Fact]
    public void A_planner_that_changes_its_mind_counts_as_plan_changes()
    {
        var length = TimeSpan.FromHours(1);
        var trace = Build(length, TimeSpan.FromSeconds(10), _ => (800, 0));
        var result = new ReplayEngine(new HourlyPlanner { Flip = true }).Run(trace, Options(new Policy(ManageMode.Tou), length));
        Assert.Equal(3, result.PlanChanges);
    }

    [Fact]
    public void A_plan_the_adoption_rule_refuses_does_not_replace_the_running_one()
    {
        var length = TimeSpan.FromHours(1);
        var trace = Build(length, TimeSpan.FromSeconds(10), _ => (800, 0));
        var asked = 0;
        var result = new ReplayEngine(new HourlyPlanner { Flip = true }, (running, _, _) => { asked++; return running is null; })
            .Run(trace, Options(new Policy(ManageMode.Tou), length));
        Assert.Equal(3, asked);
        Assert.Equal(0, result.PlanChanges);
        Assert.True(result.DischargeKwh > 0.7, "the first plan (self-consume) stayed in force");
    }

    [Fact]
    public void History_forecasts_see_only_the_past()
    {
        var length = TimeSpan.FromDays(2);
        var trace = Build(length, TimeSpan.FromSeconds(60), t => (t.TotalDays < 1 ? 1000 : 3000, 0));
        var planner = new HourlyPlanner();
        new ReplayEngine(planner).Run(trace, Options(new Policy(ManageMode.Tou), length) with { Forecast = ReplayForecast.History });
        // Planning at 12:00 on day 2: yesterday said 1000 W, though the load is now 3000 W.
        var noon = planner.Inputs.First(i => i.Start == Start.AddHours(36));
        Assert.Equal(1000, noon.LoadForecastWatts[0], 6);
    }

    [Fact]
    public void History_forecasts_scale_the_rest_of_today_by_how_the_sun_has_shone_so_far()
    {
        // Two days of 4 kW PV from 10:00 to 14:00, then a hazy day at 2 kW; the load steps up every morning.
        var length = TimeSpan.FromDays(3);
        var trace = Build(length, TimeSpan.FromSeconds(60), t =>
            (t.TotalDays % 1 < 0.25 ? 500 : 800, t.Hours is >= 10 and < 14 ? (t.TotalDays < 2 ? 4000 : 2000) : 0));
        var planner = new HourlyPlanner();
        new ReplayEngine(planner).Run(trace, Options(new Policy(ManageMode.Tou), length) with { Forecast = ReplayForecast.History });

        var firstNoon = planner.Inputs.First(i => i.Start == Start.AddHours(12));
        Assert.Equal(0, firstNoon.PvForecastWatts[0], 6); // no past day: nothing promises any sun
        Assert.Equal(800, firstNoon.LoadForecastWatts[0], 6); // no past day: the load of the last hour
        var hazyNoon = planner.Inputs.First(i => i.Start == Start.AddHours(60));
        Assert.Equal(2000, hazyNoon.PvForecastWatts[0], 6); // 4 kW on past days, halved by this morning's 2 kW
        Assert.Equal(0, hazyNoon.PvForecastWatts[3 * 4], 6); // 15:00: after the sun, whatever the ratio
    }

    [Fact]
    public void Prices_that_do_not_cover_the_trace_are_refused()
    {
        var trace = Build(TimeSpan.FromHours(2), TimeSpan.FromSeconds(10), _ => (800, 0));
        var options = Options(new Policy(ManageMode.SelfConsumption), TimeSpan.FromHours(1));
        var ex = Assert.Throws<ArgumentException>(() => new ReplayEngine().Run(trace, options));
        Assert.StartsWith("the import prices do not cover the trace: nothing at 2026-06-01T01:00:00Z", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when,load,pv\n", "line 1: the header must be")]
    [InlineData("time,load_w,pv_w\n2026-06-01T00:00:00Z,100\n", "line 2: expected 3 fields")]
    [InlineData("time,load_w,pv_w\n2026-06-01T00:00:00Z,100,0\n2026-06-01T00:00:10Z,abc,0\n", "line 3: load_w \"abc\" is not a number")]
    [InlineData("time,load_w,pv_w\n2026-06-01T00:00:00Z,100,0\n2026-06-01T00:00:10Z,100,-5\n", "line 3: pv_w must not be negative")]
    [InlineData("time,load_w,pv_w\n2026-06-01 00:00,100,0\n", "line 2: \"2026-06-01 00:00\" is not a UTC ISO 8601 time")]
    [InlineData("time,load_w,pv_w\n2026-06-01T00:00:00Z,100,0\n2026-06-01T00:02:00Z,100,0\n", "line 3: the step must be a whole number of seconds from 1 to 60")]
    [InlineData("time,load_w,pv_w\n2026-06-01T00:00:00Z,100,0\n2026-06-01T00:00:10Z,100,0\n2026-06-01T00:00:30Z,100,0\n", "line 4: 2026-06-01T00:00:30Z is not one step (10 s)")]
    [InlineData("time,load_w,pv_w\n2026-06-01T00:00:00Z,100,0\n", "a trace needs at least two samples")]
    public void Malformed_trace_csv_names_the_line(string csv, string message)
    {
        var ex = Assert.Throws<ManagerInputException>(() => TraceCsv.Parse(new StringReader(csv)));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_csv_reads_back()
    {
        var csv = new StringBuilder("time,load_w,pv_w\n");
        for (var i = 0; i < 5; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2026-06-01T00:00:{i * 5:00}Z,{100 + i},{i * 2.5}\n");
        }

        var trace = TraceCsv.Parse(new StringReader(csv.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(5), trace.Step);
        Assert.Equal(Start.AddSeconds(25), trace.End);
        Assert.Equal(new TraceSample(Start.AddSeconds(10), 102, 5), trace.At(Start.AddSeconds(12)));
    }

    /// <summary>Charges at 3 kW in the first hour of the trace and holds in the second, then self-consumes; optimum −123.</summary>
    private sealed class HourlyPlanner : IPlanner
    {
        public List<PlanningInput> Inputs { get; } = [];

        public bool Flip { get; init; }

        public Plan Compute(PlanningInput input)
        {
            Inputs.Add(input);
            var slots = new List<PlanSlot>();
            for (var k = 0; k < input.LoadForecastWatts.Count; k++)
            {
                var start = input.Start + k * input.SlotLength;
                var hour = (int)(start - Start).TotalHours;
                var intent = Flip ? (Inputs.Count % 2 == 0 ? Intent.Hold : Intent.SelfConsume)
                    : hour == 0 ? Intent.ChargeFromGrid : hour == 1 ? Intent.Hold : Intent.SelfConsume;
                slots.Add(new PlanSlot(start, start + input.SlotLength, intent, 50, intent == Intent.ChargeFromGrid ? -3000 : 0, "fixed"));
            }

            return new Plan(input.Start, slots, input.EndSocAtLeastPercent is null ? 0 : -123, 0);
        }
    }
}
