using EnergyTap.Manager.Forecasts;
using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;
using static EnergyTap.Manager.Tests.Planning.PlanningCase;

namespace EnergyTap.Manager.Tests.Planning;

public sealed class DynamicProgrammingPlannerTests
{
    private static readonly BatterySpec Battery = new(13600, 5000, 5000, 0.9, 20);

    // 0.10 overnight, 0.40 in the evening peak, 0.20 otherwise; 1 kW all day, no solar.
    private static double[] TwoPriceDay() =>
        [.. Enumerable.Range(0, 24).Select(h => h < 6 ? 0.10 : h is >= 17 and < 21 ? 0.40 : 0.20)];

    [Fact]
    public void A_two_price_day_charges_in_the_cheap_slots_and_discharges_in_the_dear_ones()
    {
        var prices = TwoPriceDay();
        var input = Input(prices, Repeat(1000, 24), Repeat(0, 24), Battery, soc: 20);
        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.Equal(24, plan.Slots.Count);
        for (var t = 0; t < 24; t++)
        {
            var slot = plan.Slots[t];
            if (slot.Intent == Intent.ChargeFromGrid)
                Assert.Equal(0.10, prices[t]);
            if (prices[t] == 0.40)
            {
                Assert.Equal(1000, slot.PlannedBatteryWatts, 3); // the whole load, nothing imported at the peak
                Assert.Equal(Intent.SelfConsume, slot.Intent);
            }
            Assert.InRange(slot.TargetSocPercent, 20 - 1e-9, 100 + 1e-9);
            Assert.InRange(slot.PlannedBatteryWatts, -Battery.MaxChargeWatts - 1e-6, Battery.MaxDischargeWatts + 1e-6);
            Assert.False(string.IsNullOrWhiteSpace(slot.Reason));
        }
        Assert.Contains(plan.Slots, s => s.Intent == Intent.ChargeFromGrid);
        Assert.True(plan.ExpectedCost < plan.CostWithoutBattery - 0.5, $"{plan.ExpectedCost} vs {plan.CostWithoutBattery}");
        var charging = plan.Slots.First(s => s.Intent == Intent.ChargeFromGrid);
        Assert.Contains("from the grid at import 0.1/kWh", charging.Reason, StringComparison.Ordinal);
        Assert.Contains("holding instead would cost", charging.Reason, StringComparison.Ordinal);
        Assert.Contains("instead of importing at 0.4/kWh; holding instead would cost 0.264 more", plan.Slots[17].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_two_day_quarter_hour_plan_is_consistent_with_its_own_physics_and_costs()
    {
        // 48 h of 15-minute slots: cheap nights, dear evenings, solar at midday, a varying load.
        var count = 192;
        var import = Enumerable.Range(0, count).Select(i => (i / 4 % 24) switch { < 6 => 0.12, >= 17 and < 21 => 0.48, _ => 0.27 }).ToArray();
        var export = import.Select(p => p / 4).ToArray();
        var pv = Enumerable.Range(0, count).Select(i => Math.Max(0, 6000 * Math.Sin((i % 96 - 26) / 44.0 * Math.PI))).ToArray();
        var load = Enumerable.Range(0, count).Select(i => 500 + 700 * Math.Abs(Math.Sin(i / 9.0))).ToArray();
        var input = Input(import, load, pv, Battery, soc: 35, slot: TimeSpan.FromMinutes(15), exportPrices: export);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        var oneWay = Math.Sqrt(Battery.RoundTripEfficiency);
        var wh = 0.35 * Battery.CapacityWh;
        var cost = 0.0;
        for (var t = 0; t < count; t++)
        {
            var slot = plan.Slots[t];
            Assert.InRange(slot.PlannedBatteryWatts, -Battery.MaxChargeWatts - 1e-6, Battery.MaxDischargeWatts + 1e-6);
            wh -= slot.PlannedBatteryWatts >= 0 ? slot.PlannedBatteryWatts * 0.25 / oneWay : slot.PlannedBatteryWatts * 0.25 * oneWay;
            Assert.Equal(wh / Battery.CapacityWh * 100, slot.TargetSocPercent, 6);
            Assert.True(slot.TargetSocPercent >= 20 - 1e-9);
            var grid = Grid(input, t, plan);
            cost += grid * 0.25 / 1000 * (grid >= 0 ? import[t] : export[t]);
        }
        Assert.Equal(cost, plan.ExpectedCost, 9);
        Assert.True(plan.ExpectedCost < plan.CostWithoutBattery);
        // Equal-cost choices go to the fuller battery: surplus solar is stored from the first surplus slot on.
        Assert.All(plan.Slots.Take(44).Where((s, t) => pv[t] > load[t] + 100), s => Assert.True(s.PlannedBatteryWatts < 0, s.Reason));
    }

    [Fact]
    public void The_battery_never_goes_below_the_reserve_even_when_the_peak_wants_more()
    {
        // A long dear evening that a full battery cannot cover: it stops at the reserve.
        var prices = Enumerable.Range(0, 24).Select(h => h < 4 ? 0.10 : h >= 12 ? 0.50 : 0.20).ToArray();
        var input = Input(prices, Repeat(3000, 24), Repeat(0, 24), Battery, soc: 60);
        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.All(plan.Slots, s => Assert.True(s.TargetSocPercent >= 20 - 1e-9, s.Reason));
        Assert.Contains(plan.Slots, s => Math.Abs(s.TargetSocPercent - 20) < 1e-6);
        Assert.Contains(plan.Slots, s => s.Reason.Contains("stops at the reserve 20 %", StringComparison.Ordinal));
    }

    [Fact]
    public void With_perfect_knowledge_the_cost_equals_a_brute_force_search_of_every_path()
    {
        // Efficiency 1 and whole-kWh loads put every point where a slot's cost bends on the 25 % grid,
        // so the grid's paths contain the optimum and brute force is the exact answer.
        var battery = new BatterySpec(4000, 2000, 2000, 1.0, 0);
        var random = new Random(14);
        for (var trial = 0; trial < 25; trial++)
        {
            var count = 5;
            var import = Enumerable.Range(0, count).Select(_ => Math.Round(0.05 + random.NextDouble() * 0.4, 2)).ToArray();
            var export = import.Select(p => Math.Round(p * random.NextDouble(), 2)).ToArray();
            var load = Enumerable.Range(0, count).Select(_ => 1000.0 * random.Next(0, 4)).ToArray();
            var pv = Enumerable.Range(0, count).Select(_ => 1000.0 * random.Next(0, 4)).ToArray();
            var soc = 25.0 * random.Next(0, 5);
            var input = Input(import, load, pv, battery, soc: soc, exportPrices: export);

            var plan = new DynamicProgrammingPlanner(new PlannerOptions { SocStepPercent = 25 }).Compute(input);

            Assert.Equal(BruteForce.Cheapest(input, levels: 4), plan.ExpectedCost, 9);
        }
    }

    [Fact]
    public void With_losses_the_plan_is_never_worse_than_the_best_path_on_its_grid()
    {
        var battery = new BatterySpec(5000, 2500, 2500, 0.85, 10);
        var random = new Random(7);
        for (var trial = 0; trial < 15; trial++)
        {
            var count = 5;
            var import = Enumerable.Range(0, count).Select(_ => 0.05 + random.NextDouble() * 0.4).ToArray();
            var export = import.Select(p => p * random.NextDouble() * 0.8).ToArray();
            var load = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 3000).ToArray();
            var pv = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 3000).ToArray();
            var input = Input(import, load, pv, battery, soc: 10 + 10 * random.Next(0, 9), exportPrices: export);

            var plan = new DynamicProgrammingPlanner(new PlannerOptions { SocStepPercent = 10 }).Compute(input);

            Assert.True(plan.ExpectedCost <= BruteForce.Cheapest(input, levels: 10) + 1e-9);
        }
    }

    [Fact]
    public void Solar_only_charging_never_imports_to_charge()
    {
        // Cheap nights tempt grid charging; solar-only may store only the midday surplus.
        var prices = Enumerable.Range(0, 24).Select(h => h < 6 ? 0.05 : h >= 17 ? 0.50 : 0.25).ToArray();
        var pv = Enumerable.Range(0, 24).Select(h => h is >= 9 and < 15 ? 4000.0 : 0).ToArray();
        var policy = new Policy(ManageMode.Tou) { SolarOnlyCharging = true };
        var input = Input(prices, Repeat(800, 24), pv, Battery, policy, soc: 20);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        for (var t = 0; t < 24; t++)
        {
            Assert.NotEqual(Intent.ChargeFromGrid, plan.Slots[t].Intent);
            var charging = Math.Max(0, -plan.Slots[t].PlannedBatteryWatts);
            Assert.True(charging <= Math.Max(0, pv[t] - 800) + 1e-6, $"slot {t}: charges {charging} W with {pv[t]} W PV");
        }
        Assert.Contains(plan.Slots, s => s.PlannedBatteryWatts < -1000); // it does store the surplus
        var tou = new DynamicProgrammingPlanner().Compute(input with { Policy = new Policy(ManageMode.Tou) });
        Assert.Contains(tou.Slots, s => s.Intent == Intent.ChargeFromGrid); // the rule, not the prices, stopped it
    }

    [Fact]
    public void An_export_limit_is_never_pushed_past_by_the_battery_and_curtailment_is_said()
    {
        // Export pays more than import in the evening, so the battery wants to export; the limit caps it.
        var import = Repeat(0.10, 24);
        var export = Enumerable.Range(0, 24).Select(h => h >= 17 ? 0.30 : 0.02).ToArray();
        var pv = Enumerable.Range(0, 24).Select(h => h is >= 9 and < 15 ? 9000.0 : 0).ToArray();
        var policy = new Policy(ManageMode.Tou) { ExportLimitWatts = 2000 };
        var input = Input(import, Repeat(500, 24), pv, Battery, policy, soc: 20, exportPrices: export);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        for (var t = 0; t < 24; t++)
            if (plan.Slots[t].PlannedBatteryWatts > 1e-6)
                Assert.True(Grid(input, t, plan) >= -2000 - 1e-6, $"slot {t}: grid {Grid(input, t, plan)} W");
        Assert.Contains(plan.Slots, s => s.Intent == Intent.Export && s.Reason.Contains("export held at the 2000 W limit", StringComparison.Ordinal));
        Assert.Contains(plan.Slots, s => s.Reason.Contains("export limit is curtailed", StringComparison.Ordinal));
    }

    [Fact]
    public void Peak_shaving_caps_the_import_and_says_so_when_it_cannot()
    {
        var load = Enumerable.Range(0, 24).Select(h => h is 18 or 19 ? 6000.0 : 800).ToArray();
        var policy = new Policy(ManageMode.Tou) { PeakShaveWatts = 3000 };
        var input = Input(Repeat(0.2, 24), load, Repeat(0, 24), Battery, policy, soc: 60);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        for (var t = 0; t < 24; t++)
            Assert.True(Grid(input, t, plan) <= 3000 + 1e-6, $"slot {t}: grid {Grid(input, t, plan)} W");

        // 9 kW for two hours is more than the battery's 5 kW can bring under 3 kW.
        var impossible = input with { SocPercent = 100, LoadForecastWatts = [.. load.Select(w => w == 6000 ? 9000.0 : w)] };
        var strained = new DynamicProgrammingPlanner().Compute(impossible);
        Assert.Equal(4000, Grid(impossible, 18, strained), 3); // it does what it can: full discharge power
        Assert.Contains("the peak-shave cap 3000 W cannot be held: 1000 W over", strained.Slots[18].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peak_cap_that_cannot_be_held_is_missed_evenly_not_all_in_one_slot()
    {
        // Two 6 kW hours over a 3 kW cap, and only 20 % of the battery to give (no grid charging to top it up).
        var load = Enumerable.Range(0, 24).Select(h => h is 18 or 19 ? 6000.0 : 800).ToArray();
        var policy = new Policy(ManageMode.Tou) { PeakShaveWatts = 3000, SolarOnlyCharging = true };
        var input = Input(Repeat(0.2, 24), load, Repeat(0, 24), Battery, policy, soc: 40);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        // 2720 Wh stored give about 2580 Wh at the meter: about 1290 W in each hour, so neither hour imports much above 4710 W.
        var worst = Math.Max(Grid(input, 18, plan), Grid(input, 19, plan));
        Assert.InRange(worst, 4700, 4710 + PeakTier);
        Assert.All(plan.Slots.Take(18), s => Assert.Equal(0, s.PlannedBatteryWatts, 6)); // it keeps everything for the spikes
    }

    private const double PeakTier = 250; // the planner's penalty step

    [Fact]
    public void Pre_charge_reaches_its_target_by_its_time_in_the_cheapest_slots()
    {
        var battery = new BatterySpec(10000, 5000, 5000, 0.9, 10);
        double[] prices = [0.20, 0.22, 0.05, 0.06, 0.07, 0.25, 0.30, 0.21, 0.08, 0.20, 0.26, 0.24, 0.22, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3];
        var by = Midnight.AddHours(18);
        var policy = new Policy(ManageMode.Tou) { PreCharge = new PreCharge(90, by) };
        // No load and no solar: nothing but the pre-charge gives a reason to charge.
        var input = Input(prices, Repeat(0, 24), Repeat(0, 24), battery, policy, soc: 20);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.True(plan.Slots[17].TargetSocPercent >= 90 - 1e-6, $"{plan.Slots[17].TargetSocPercent} % at 18:00");
        // 7 kWh stored needs about 7.4 kWh from the grid at 5 kW: the 0.05 hour and most of the 0.06 one.
        var charged = plan.Slots.Select((s, t) => (s, t)).Where(x => x.s.Intent == Intent.ChargeFromGrid).Select(x => prices[x.t]).ToList();
        Assert.Equal([0.05, 0.06], charged);
        Assert.Contains("pre-charge target 90 %", plan.Slots[2].Reason, StringComparison.Ordinal);
        var without = new DynamicProgrammingPlanner().Compute(input with { Policy = new Policy(ManageMode.Tou) });
        Assert.DoesNotContain(without.Slots, s => s.Intent == Intent.ChargeFromGrid);
    }

    [Fact]
    public void An_unreachable_pre_charge_does_what_it_can_and_says_how_far_it_got()
    {
        var battery = new BatterySpec(10000, 5000, 5000, 1.0, 10);
        var policy = new Policy(ManageMode.Tou) { PreCharge = new PreCharge(100, Midnight.AddHours(1)) };
        var input = Input(Repeat(0.2, 4), Repeat(0, 4), Repeat(0, 4), battery, policy, soc: 20);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.Equal(70, plan.Slots[0].TargetSocPercent, 6);
        Assert.Contains("the pre-charge target 100 % by 2026-06-01 01:00:00Z cannot be reached: 70 % at most", plan.Slots[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_end_state_of_charge_constraint_keeps_the_battery_from_emptying_at_the_end()
    {
        var prices = Enumerable.Range(0, 24).Select(h => h >= 18 ? 0.5 : 0.2).ToArray();
        var input = Input(prices, Repeat(1500, 24), Repeat(0, 24), Battery, soc: 60);

        var free = new DynamicProgrammingPlanner().Compute(input);
        var bound = new DynamicProgrammingPlanner().Compute(input with { EndSocAtLeastPercent = 60 });

        Assert.True(free.Slots[^1].TargetSocPercent < 60);
        Assert.True(bound.Slots[^1].TargetSocPercent >= 60 - 1e-6);
        Assert.True(bound.ExpectedCost > free.ExpectedCost);
    }

    [Fact]
    public void A_slot_without_a_price_neither_charges_from_the_grid_nor_exports_and_says_why()
    {
        var prices = Enumerable.Range(0, 24).Select(h => h >= 17 ? 0.40 : 0.10).ToArray();
        var input = Input(prices, Repeat(1000, 24), Repeat(0, 24), Battery, soc: 20, exportPrices: Repeat(0.5, 24));
        // Prices are missing from 02:00 to 06:00 (a gap in the feed).
        input = input with { ImportPrices = [.. input.ImportPrices.Where((_, h) => h is < 2 or >= 6)] };

        var plan = new DynamicProgrammingPlanner().Compute(input);

        for (var t = 2; t < 6; t++)
        {
            Assert.NotEqual(Intent.ChargeFromGrid, plan.Slots[t].Intent);
            Assert.NotEqual(Intent.Export, plan.Slots[t].Intent);
            Assert.Contains("no import price known for this slot", plan.Slots[t].Reason, StringComparison.Ordinal);
        }
        Assert.Contains(plan.Slots.Take(2), s => s.Intent == Intent.ChargeFromGrid); // the known cheap slots still charge
    }

    [Fact]
    public void Self_consumption_plans_self_consume_slots_and_native_plans_nothing()
    {
        var pv = Enumerable.Range(0, 24).Select(h => h is >= 9 and < 15 ? 4000.0 : 0).ToArray();
        var input = Input(Repeat(0.3, 24), Repeat(1000, 24), pv, Battery, new Policy(ManageMode.SelfConsumption), soc: 50);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.All(plan.Slots, s => Assert.Equal(Intent.SelfConsume, s.Intent));
        Assert.All(plan.Slots, s => Assert.InRange(s.TargetSocPercent, 20 - 1e-9, 100 + 1e-9));
        Assert.Equal(1000, plan.Slots[0].PlannedBatteryWatts, 6);
        Assert.Equal(-3000, plan.Slots[9].PlannedBatteryWatts, 6);
        Assert.True(plan.ExpectedCost < plan.CostWithoutBattery);
        Assert.Contains(plan.Slots, s => s.Reason.Contains("idle at the floor 20 %: the load is imported", StringComparison.Ordinal));

        var native = new DynamicProgrammingPlanner().Compute(input with { Policy = new Policy(ManageMode.Native) });
        Assert.Empty(native.Slots);
        Assert.Equal(native.CostWithoutBattery, native.ExpectedCost);
    }

    [Fact]
    public void Backup_hold_is_a_floor_the_plan_does_not_discharge_below()
    {
        var prices = Enumerable.Range(0, 24).Select(h => h >= 12 ? 0.5 : 0.2).ToArray();
        var policy = new Policy(ManageMode.Tou) { BackupHoldPercent = 70 };
        var input = Input(prices, Repeat(2000, 24), Repeat(0, 24), Battery, policy, soc: 90);

        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.All(plan.Slots, s => Assert.True(s.TargetSocPercent >= 70 - 1e-9));
        Assert.Contains(plan.Slots, s => s.Reason.Contains("stops at the backup-hold level 70 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Self_consumption_with_a_pre_charge_reaches_it_cheaply_and_never_exports_from_the_battery()
    {
        var prices = Enumerable.Range(0, 24).Select(h => h is 3 or 4 ? 0.05 : 0.3).ToArray();
        var policy = new Policy(ManageMode.SelfConsumption) { PreCharge = new PreCharge(80, Midnight.AddHours(12)) };
        var input = Input(prices, Repeat(500, 24), Repeat(0, 24), Battery, policy, soc: 30, exportPrices: Repeat(0.6, 24));

        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.True(plan.Slots[11].TargetSocPercent >= 80 - 1e-6);
        Assert.DoesNotContain(plan.Slots, s => s.Intent == Intent.Export);
        Assert.All(plan.Slots.Where(s => s.Intent == Intent.ChargeFromGrid), s => Assert.Equal(0.05, prices[plan.Slots.ToList().IndexOf(s)]));
    }

    [Fact]
    public void A_plan_from_a_solcast_forecast_and_a_load_history_stores_the_forecast_surplus()
    {
        var solcast = SolcastJson.Parse("""
            {"forecasts": [{"pv_estimate": 4.0, "period_end": "2026-06-01T12:00:00Z", "period": "PT3H"}]}
            """);
        var load = new HistoryForecast(new HistoryForecastOptions { ScaleByToday = false });
        for (var at = Midnight.AddDays(-3); at < Midnight; at = at.AddMinutes(10))
            load.Add(at, 1000);
        var input = PlanningInput.FromForecasts(Midnight, TimeSpan.FromHours(1), 24, 20, Battery, new Policy(ManageMode.Tou),
            Slots(Repeat(0.3, 24), TimeSpan.FromHours(1)), Slots(Repeat(0.05, 24), TimeSpan.FromHours(1)), solcast, load.At(Midnight));

        var plan = new DynamicProgrammingPlanner().Compute(input);

        Assert.Equal(4000, input.PvForecastWatts[10]);
        Assert.Equal(1000, input.LoadForecastWatts[3]);
        Assert.All(plan.Slots.Skip(9).Take(3), s => Assert.Equal(-3000, s.PlannedBatteryWatts, 6));
    }

    [Fact]
    public void Tou_without_any_price_for_the_horizon_says_so()
    {
        var input = Input(Repeat(0.2, 4), Repeat(500, 4), Repeat(0, 4), Battery) with { ImportPrices = [] };
        var error = Assert.Throws<ManagerInputException>(() => new DynamicProgrammingPlanner().Compute(input));
        Assert.Equal("no import price covers the plan from 2026-06-01 00:00:00Z: tou needs prices for at least part of the horizon", error.Message);
        Assert.NotEmpty(new DynamicProgrammingPlanner().Compute(input with { Policy = new Policy(ManageMode.SelfConsumption) }).Slots);
    }

    [Theory]
    [InlineData("capacity")]
    [InlineData("forecast")]
    [InlineData("finite")]
    [InlineData("export limit")]
    [InlineData("state of charge")]
    public void Bad_inputs_give_one_plain_line(string named)
    {
        var input = Input(Repeat(0.2, 4), Repeat(500, 4), Repeat(0, 4), Battery);
        input = named switch
        {
            "capacity" => input with { Battery = Battery with { CapacityWh = 0 } },
            "forecast" => input with { PvForecastWatts = [0, 0, 0] },
            "finite" => input with { LoadForecastWatts = [500, double.NaN, 500, 500] },
            "export limit" => input with { Policy = new Policy(ManageMode.Tou) { ExportLimitWatts = -5 } },
            _ => input with { SocPercent = 140 },
        };
        var error = Assert.Throws<ManagerInputException>(() => new DynamicProgrammingPlanner().Compute(input));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
