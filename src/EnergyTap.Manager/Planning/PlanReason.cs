using System.Globalization;

namespace EnergyTap.Manager.Planning;

/// <summary>The words of a plan: each slot's intent and the rule, price or limit that decided it.</summary>
internal static class PlanReason
{
    private const double Tolerance = 1; // W or Wh: below this a difference is rounding, not a decision

    public static Intent IntentFor(SlotModel slot, double batteryWatts)
    {
        if (Math.Abs(batteryWatts) < Tolerance)
            return Intent.Hold;
        var grid = slot.GridWatts(batteryWatts);
        if (batteryWatts < 0)
            return -batteryWatts - Math.Max(0, -slot.NetLoadWatts) > Tolerance ? Intent.ChargeFromGrid : Intent.SelfConsume;
        if (grid < -Tolerance)
            return Intent.Export;
        return Math.Abs(grid) <= Tolerance ? Intent.SelfConsume : Intent.DischargeToLoad;
    }

    public static string? Alternative(string what, double extra) =>
        extra >= PlanningProblem.PenaltyPerKwh / 1000 / 2
            ? $"{what} would miss a target or go further over the peak-shave cap"
            : $"{what} would cost {Number(Math.Max(0, extra))} more";

    public static string Describe(PlanningProblem problem, int t, Intent intent, double fromWh, double toWh, string? alternative)
    {
        var slot = problem.Slots[t];
        var watts = slot.Power(fromWh, toWh);
        var grid = slot.GridWatts(watts);
        var parts = new List<string>();
        var price = $"import {Number(slot.ImportPrice)}/kWh";
        var pre = problem.Input.Policy.PreCharge;
        switch (intent)
        {
            case Intent.ChargeFromGrid:
                parts.Add(pre is not null && problem.PreChargeSlot >= t
                    ? $"charge from the grid at {price} toward the pre-charge target {Number(pre.TargetPercent)} % by {pre.By:u}"
                    : $"charge {Watts(-watts)} from the grid at {price}, cheaper than using it later");
                break;
            case Intent.SelfConsume:
                parts.Add(watts < -Tolerance ? $"store {Watts(-watts)} of surplus solar rather than export it at {Number(slot.ExportPrice)}/kWh"
                    : watts > Tolerance ? $"cover the home load ({Watts(watts)}) instead of importing at {Number(slot.ImportPrice)}/kWh"
                    : slot.NetLoadWatts > Tolerance && fromWh <= problem.FloorWh + Tolerance ? $"idle at the floor {Number(problem.FloorWh / problem.CapacityWh * 100)} %: the load is imported at {price}"
                    : slot.NetLoadWatts < -Tolerance && fromWh >= problem.CapacityWh - Tolerance ? $"idle, battery full: the surplus is exported at {Number(slot.ExportPrice)}/kWh"
                    : "idle: nothing to balance");
                break;
            case Intent.DischargeToLoad:
                parts.Add($"cover {Watts(watts)} of the {Watts(slot.NetLoadWatts)} home load at {price}");
                break;
            case Intent.Export:
                parts.Add($"discharge {Watts(watts)}, exporting {Watts(-grid)} at {Number(slot.ExportPrice)}/kWh");
                break;
            default:
                parts.Add($"hold at {Number(toWh / problem.CapacityWh * 100)} % ({price})");
                break;
        }
        Limits(problem, t, slot, watts, grid, fromWh, toWh, parts);
        if (alternative is not null)
            parts.Add(alternative);
        return string.Join("; ", parts);
    }

    private static void Limits(PlanningProblem problem, int t, SlotModel slot, double watts, double grid, double fromWh, double toWh, List<string> parts)
    {
        var policy = problem.Input.Policy;
        var percent = toWh / problem.CapacityWh * 100;
        if (watts < -Tolerance && -watts >= slot.MaxChargeWatts - Tolerance)
            parts.Add($"at the rated charge power {Watts(slot.MaxChargeWatts)}");
        if (watts > Tolerance && watts >= slot.MaxDischargeWatts - Tolerance)
            parts.Add($"at the rated discharge power {Watts(slot.MaxDischargeWatts)}");
        if (toWh < fromWh - Tolerance && toWh <= problem.FloorWh + Tolerance)
            parts.Add(policy.BackupHoldPercent is { } hold && hold > problem.Input.Battery.ReservePercent
                ? $"stops at the backup-hold level {Number(hold)} %"
                : $"stops at the reserve {Number(problem.Input.Battery.ReservePercent)} %");
        if (toWh >= problem.CapacityWh - Tolerance && toWh > fromWh + Tolerance)
            parts.Add("battery full");
        if (!slot.ImportPriceKnown)
            parts.Add($"no import price known for this slot: no grid charging or battery export, energy valued at {Number(slot.ImportPrice)}/kWh (the nearest known)");
        else if (policy.SolarOnlyCharging && watts < -Tolerance && -watts >= slot.ChargeCapWatts - Tolerance)
            parts.Add("solar-only charging: surplus solar only");
        if (slot.ExportLimitWatts is { } limit)
        {
            if (grid < -limit - Tolerance)
                parts.Add($"{Watts(-grid - limit)} of solar beyond the {Watts(limit)} export limit is curtailed");
            else if (watts > Tolerance && grid <= -limit + Tolerance)
                parts.Add($"export held at the {Watts(limit)} limit");
        }
        if (slot.PeakShaveWatts is { } cap)
        {
            if (grid > cap + Tolerance)
                parts.Add($"the peak-shave cap {Watts(cap)} cannot be held: {Watts(grid - cap)} over (the battery is at its limit)");
            else if (watts > Tolerance && grid >= cap - Tolerance)
                parts.Add($"holds import at the peak-shave cap {Watts(cap)}");
        }
        if (problem.PreChargeSlot == t && problem.PreChargeWh is { } target && policy.PreCharge is { } pre)
            parts.Add(toWh < target - Tolerance
                ? $"the pre-charge target {Number(pre.TargetPercent)} % by {pre.By:u} cannot be reached: {Number(percent)} % at most"
                : $"pre-charge target {Number(pre.TargetPercent)} % reached");
        if (t == problem.Slots.Length - 1 && problem.EndWh is { } end && toWh < end - Tolerance)
            parts.Add($"the end state of charge {Number(end / problem.CapacityWh * 100)} % cannot be reached: {Number(percent)} %");
    }

    private static string Watts(double watts) => $"{Math.Round(watts).ToString("0", CultureInfo.InvariantCulture)} W";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
