using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;
using static EnergyTap.Manager.Tests.Planning.PlanningCase;

namespace EnergyTap.Manager.Tests.Planning;

public sealed class PlanAdoptionTests
{
    private static double[] Prices() => [.. Enumerable.Range(0, 24).Select(h => h < 6 ? 0.10 : h is >= 17 and < 21 ? 0.40 : 0.20)];

    [Fact]
    public void A_plan_is_adopted_when_none_runs_and_a_same_cost_replan_is_not()
    {
        var input = Input(Prices(), Repeat(1000, 24), Repeat(0, 24));
        var plan = new DynamicProgrammingPlanner().Compute(input);
        var adoption = new PlanAdoption();

        Assert.True(adoption.Decide(null, plan, input).Adopt);
        // Slightly different forecast: the new plan is marginally better, not enough to switch.
        var nudged = input with { LoadForecastWatts = [.. input.LoadForecastWatts.Select((w, t) => t == 10 ? w + 30 : w)] };
        var replanned = new DynamicProgrammingPlanner().Compute(nudged);
        var decision = adoption.Decide(plan, replanned, nudged);
        Assert.False(decision.Adopt, decision.Reason);
        Assert.Contains("the running plan is kept", decision.Reason, StringComparison.Ordinal);
        Assert.NotNull(decision.RunningCost);
        Assert.True(decision.RunningCost >= replanned.ExpectedCost - 1e-9);
    }

    [Fact]
    public void A_clearly_cheaper_plan_replaces_the_running_one()
    {
        var input = Input(Prices(), Repeat(1000, 24), Repeat(0, 24));
        var running = new DynamicProgrammingPlanner().Compute(input);
        // New prices: the evening peak moved to the morning; the old plan discharges at the wrong time.
        var moved = Enumerable.Range(0, 24).Select(h => h < 6 ? 0.10 : h is >= 7 and < 11 ? 0.60 : 0.20).ToArray();
        var updated = input with { ImportPrices = Slots(moved, TimeSpan.FromHours(1)) };
        var candidate = new DynamicProgrammingPlanner().Compute(updated);

        var decision = new PlanAdoption(MinSaving: 0.05, MinRelativeSaving: 0.02).Decide(running, candidate, updated);

        Assert.True(decision.Adopt);
        Assert.Contains("the new plan is cheaper by", decision.Reason, StringComparison.Ordinal);
        Assert.True(decision.RunningCost - candidate.ExpectedCost >= 0.05);
    }

    [Fact]
    public void The_thresholds_decide_a_middling_saving()
    {
        var input = Input(Prices(), Repeat(1000, 24), Repeat(0, 24));
        var running = new DynamicProgrammingPlanner().Compute(input);
        var candidate = running with { ExpectedCost = running.ExpectedCost - 0.10 };

        Assert.True(new PlanAdoption(MinSaving: 0.05, MinRelativeSaving: 0).Decide(running, candidate, input).Adopt);
        Assert.False(new PlanAdoption(MinSaving: 0.20, MinRelativeSaving: 0).Decide(running, candidate, input).Adopt);
        Assert.False(new PlanAdoption(MinSaving: 0, MinRelativeSaving: 0.5).Decide(running, candidate, input).Adopt);
    }

    [Fact]
    public void A_running_plan_that_no_longer_fits_the_battery_is_replaced_even_when_it_looks_cheaper()
    {
        var input = Input(Prices(), Repeat(1000, 24), Repeat(0, 24), soc: 20);
        var running = new DynamicProgrammingPlanner().Compute(input);
        // The battery is now much fuller than the plan assumed: charging as planned would overfill it.
        var fuller = input with { SocPercent = 95 };
        var candidate = new DynamicProgrammingPlanner().Compute(fuller) with { ExpectedCost = 1e6 };

        var decision = new PlanAdoption().Decide(running, candidate, fuller);

        Assert.True(decision.Adopt);
        Assert.Contains("the running plan no longer works: at 2026-06-01", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("past full", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_running_plan_that_would_miss_a_new_pre_charge_is_replaced()
    {
        var input = Input(Prices(), Repeat(1000, 24), Repeat(0, 24), soc: 50);
        var running = new DynamicProgrammingPlanner().Compute(input);
        var storm = input with { Policy = new Policy(ManageMode.Tou) { PreCharge = new PreCharge(100, Midnight.AddHours(20)) } }; // full for the evening storm: no peak discharging
        var candidate = new DynamicProgrammingPlanner().Compute(storm);

        var decision = new PlanAdoption().Decide(running, candidate, storm);

        Assert.True(decision.Adopt);
        Assert.Contains("miss a state-of-charge target", decision.Reason, StringComparison.Ordinal);
    }
}
