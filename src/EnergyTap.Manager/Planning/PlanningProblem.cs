using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Policies;
using EnergyTap.Manager.Prices;

namespace EnergyTap.Manager.Planning;

/// <summary>
/// A <see cref="PlanningInput"/> checked and resolved into per-slot terms: prices (gaps marked), the floor,
/// the targets, and the battery's one-way efficiency. Shared by the planner and by plan adoption so a
/// plan's cost is always computed one way.
/// </summary>
internal sealed class PlanningProblem
{
    /// <summary>Cost per kWh of a broken soft constraint (peak cap exceeded, target missed): far above any price, so it is broken only when nothing else works.</summary>
    public const double PenaltyPerKwh = 1e6;

    /// <summary>
    /// Import above the peak-shave cap costs more the further over it is (each step of this many watts adds
    /// <see cref="PenaltyPerKwh"/> to the rate), so a cap that cannot be held is missed evenly, keeping the
    /// highest import as low as the battery allows (what a demand charge bills) rather than all in one slot.
    /// </summary>
    public const double PeakTierWatts = 250;

    /// <summary>The peak-shave penalty rate integrated over <paramref name="excessWatts"/>, per hour of the slot.</summary>
    public static double PeakPenalty(double excessWatts)
    {
        if (excessWatts <= 1e-6)
            return 0;
        var tiers = Math.Floor(excessWatts / PeakTierWatts);
        return (PeakTierWatts * tiers * (tiers + 1) / 2 + (tiers + 1) * (excessWatts - tiers * PeakTierWatts)) / 1000 * PenaltyPerKwh;
    }

    private PlanningProblem(PlanningInput input, SlotModel[] slots, double floorWh, double startWh, int? preChargeSlot, double? preChargeWh, double? endWh)
    {
        Input = input;
        Slots = slots;
        FloorWh = floorWh;
        StartWh = startWh;
        PreChargeSlot = preChargeSlot;
        PreChargeWh = preChargeWh;
        EndWh = endWh;
    }

    public PlanningInput Input { get; }
    public SlotModel[] Slots { get; }
    public double CapacityWh => Input.Battery.CapacityWh;
    public double FloorWh { get; }
    public double StartWh { get; }
    public int? PreChargeSlot { get; }
    public double? PreChargeWh { get; }
    public double? EndWh { get; }

    /// <summary>Checks the input (one plain line on the first problem) and resolves it.</summary>
    public static PlanningProblem From(PlanningInput input, bool noBatteryExport)
    {
        var battery = input.Battery;
        var policy = input.Policy;
        if (battery.Problem() is { } batteryProblem)
            throw new ManagerInputException(batteryProblem);
        if (policy.Problem() is { } policyProblem)
            throw new ManagerInputException(policyProblem);
        if (input.SlotLength <= TimeSpan.Zero)
            throw new ManagerInputException("the plan's slot length must be longer than zero");
        if (!(input.SocPercent is >= 0 and <= 100))
            throw new ManagerInputException("the starting state of charge must be between 0 and 100 %");
        if (input.EndSocAtLeastPercent is { } endSoc && !(endSoc is >= 0 and <= 100))
            throw new ManagerInputException("the end state of charge must be between 0 and 100 %");
        if (input.PvForecastWatts.Count != input.LoadForecastWatts.Count)
            throw new ManagerInputException($"the PV forecast has {input.PvForecastWatts.Count} slots but the load forecast {input.LoadForecastWatts.Count}; they must cover the same slots");
        for (var i = 0; i < input.LoadForecastWatts.Count; i++)
            if (!double.IsFinite(input.LoadForecastWatts[i]) || !double.IsFinite(input.PvForecastWatts[i]))
                throw new ManagerInputException($"forecast slot {i + 1}: PV and load must be finite numbers of watts");
        PriceSlotCheck.Checked([.. input.ImportPrices.OrderBy(p => p.Start)], i => $"import price slot {i + 1}");
        PriceSlotCheck.Checked([.. input.ExportPrices.OrderBy(p => p.Start)], i => $"export price slot {i + 1}");

        var efficiency = BatteryEnergy.OneWayEfficiency(battery.RoundTripEfficiency);
        var import = new PriceSchedule(input.ImportPrices);
        var export = new PriceSchedule(input.ExportPrices);
        var count = input.LoadForecastWatts.Count;
        var slots = new SlotModel[count];
        var fallback = import.FirstKnownAfter(input.Start) ?? 0;
        for (var t = 0; t < count; t++)
        {
            var start = input.Start + input.SlotLength * t;
            var end = start + input.SlotLength;
            var known = import.MeanOver(start, end);
            // An unknown import price is valued at the last known one (the first one when the gap leads),
            // but the slot never charges from the grid or exports from the battery on that guess.
            var importPrice = known ?? import.LastKnownBefore(start) ?? fallback;
            slots[t] = new SlotModel(
                start, end, input.SlotLength.TotalHours,
                input.LoadForecastWatts[t], input.PvForecastWatts[t],
                importPrice, known is not null, export.MeanOver(start, end) ?? 0,
                battery.MaxChargeWatts, battery.MaxDischargeWatts, efficiency,
                policy.SolarOnlyCharging, noBatteryExport, policy.ExportLimitWatts, policy.PeakShaveWatts);
        }

        var capacity = battery.CapacityWh;
        var floor = Math.Max(battery.ReservePercent, policy.BackupHoldPercent ?? 0) / 100 * capacity;
        int? preSlot = null;
        double? preWh = null;
        if (policy.PreCharge is { } pre && pre.By > input.Start && count > 0)
        {
            // The last slot that ends by the deadline; a deadline inside the first slot means "as soon as possible",
            // one past the horizon means "by the end of the plan".
            var index = (int)Math.Floor((pre.By - input.Start) / input.SlotLength) - 1;
            preSlot = Math.Clamp(index, 0, count - 1);
            preWh = pre.TargetPercent / 100 * capacity;
        }
        double? endWh = input.EndSocAtLeastPercent is { } endPercent ? endPercent / 100 * capacity : null;
        return new PlanningProblem(input, slots, floor, input.SocPercent / 100 * capacity, preSlot, preWh, endWh);
    }

    /// <summary>The lowest and highest energy reachable from <paramref name="wh"/> in slot <paramref name="t"/>.</summary>
    public (double Low, double High) Reach(int t, double wh)
    {
        var slot = Slots[t];
        var high = Math.Min(CapacityWh, wh + slot.MaxChargeWatts * slot.Efficiency * slot.Hours);
        var low = Math.Max(0, wh - slot.MaxDischargeWatts * slot.Hours / slot.Efficiency);
        // Never discharge below the floor; a battery already under it may stay or charge.
        low = Math.Max(low, Math.Min(wh, FloorWh));
        return (Math.Min(low, wh), Math.Max(high, wh));
    }

    /// <summary>The penalty for ending slot <paramref name="t"/> at <paramref name="wh"/> (a target missed).</summary>
    public double TargetPenalty(int t, double wh)
    {
        var penalty = 0.0;
        if (PreChargeSlot == t && PreChargeWh is { } pre && wh < pre - 1e-6)
            penalty += (pre - wh) / 1000 * PenaltyPerKwh;
        if (t == Slots.Length - 1 && EndWh is { } end && wh < end - 1e-6)
            penalty += (end - wh) / 1000 * PenaltyPerKwh;
        return penalty;
    }
}
