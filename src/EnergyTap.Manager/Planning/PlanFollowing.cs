using System.Globalization;

namespace EnergyTap.Manager.Planning;

/// <summary>
/// What following an existing plan would cost on a new input, starting from the actual SoC, and the first
/// rule it would break. Slots are followed the way the fast loop follows them: a self-consume slot balances
/// the new forecast's net load (stopping at full or at the floor, which is normal), discharge-to-load never
/// exceeds the load; other slots run at their planned power, and leaving the SoC range there is a break.
/// Past the plan's end the battery holds.
/// </summary>
internal static class PlanFollowing
{
    private const double Tolerance = 1;

    public static (double Cost, string? Broken) Cost(PlanningProblem problem, Plan plan)
    {
        var wh = problem.StartWh;
        var cost = 0.0;
        string? broken = null;
        var policy = problem.Input.Policy;
        for (var t = 0; t < problem.Slots.Length; t++)
        {
            var slot = problem.Slots[t];
            var planned = plan.SlotAt(slot.Start);
            var (low, high) = problem.Reach(t, wh);
            double watts;
            if (planned is null)
                watts = 0;
            else if (planned.Intent == Intent.SelfConsume)
                watts = slot.Power(wh, Math.Clamp(slot.EnergyAfter(wh, Math.Clamp(slot.NetLoadWatts, -slot.MaxChargeWatts, slot.MaxDischargeWatts)), low, high));
            else
            {
                watts = planned.Intent == Intent.DischargeToLoad ? Math.Min(planned.PlannedBatteryWatts, Math.Max(0, slot.NetLoadWatts)) : planned.PlannedBatteryWatts;
                var next = slot.EnergyAfter(wh, watts);
                broken ??= next < low - Tolerance ? $"at {slot.Start:u} it would discharge below the floor or past the rated power"
                    : next > high + Tolerance ? $"at {slot.Start:u} it would charge past full or past the rated power"
                    : policy.SolarOnlyCharging && -watts > Math.Max(0, -slot.NetLoadWatts) + Tolerance ? $"at {slot.Start:u} it would charge from the grid under solar-only charging"
                    : slot.ExportLimitWatts is { } limit && watts > Tolerance && slot.GridWatts(watts) < -limit - Tolerance ? $"at {slot.Start:u} it would export past the {limit.ToString("0", CultureInfo.InvariantCulture)} W limit"
                    : null;
                watts = slot.Power(wh, Math.Clamp(next, low, high));
            }
            wh = slot.EnergyAfter(wh, watts);
            cost += slot.Money(watts);
            if (problem.TargetPenalty(t, wh) > 0)
                broken ??= $"it would miss a state-of-charge target at {slot.End:u}";
        }
        return (cost, broken);
    }
}
