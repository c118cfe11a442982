namespace EnergyTap.Manager.Planning;

/// <summary>
/// Self-consumption needs no search: each slot the battery takes the surplus or covers the deficit, holding
/// the grid at its target, within the rated powers, the floor and the capacity. The plan shows where that
/// leaves the state of charge and what it costs.
/// </summary>
internal static class SelfConsumptionPlan
{
    public static Plan Compute(PlanningProblem problem)
    {
        var target = problem.Input.Policy.GridTargetWatts;
        var slots = new List<PlanSlot>(problem.Slots.Length);
        var wh = problem.StartWh;
        var cost = 0.0;
        for (var t = 0; t < problem.Slots.Length; t++)
        {
            var slot = problem.Slots[t];
            var (low, high) = problem.Reach(t, wh);
            // Self-consumption never charges from the grid nor exports from the battery.
            var wanted = Math.Clamp(slot.NetLoadWatts - target, -Math.Max(0, -slot.NetLoadWatts), Math.Max(0, slot.NetLoadWatts));
            var next = Math.Clamp(slot.EnergyAfter(wh, wanted), low, high);
            var watts = slot.Power(wh, next);
            cost += slot.Money(watts);
            var reason = PlanReason.Describe(problem, t, Intent.SelfConsume, wh, next, null);
            slots.Add(new PlanSlot(slot.Start, slot.End, Intent.SelfConsume, next / problem.CapacityWh * 100, watts,
                $"self-consumption: hold the grid at {target:0} W; {reason}"));
            wh = next;
        }
        return new Plan(problem.Input.Start, slots, cost, problem.Slots.Sum(s => s.Money(0)));
    }
}
