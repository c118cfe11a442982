using System.Globalization;
using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;

namespace EnergyTap.Manager.Loop;

/// <summary>
/// The battery power allowed right now, [<see cref="MinWatts"/>, <see cref="MaxWatts"/>] (negative = charging), with the
/// rule that set each bound. Every constraint of the battery and the policy is folded in here, once, so the loop clamps
/// one range and a user sees one answer to "why not more?".
/// </summary>
public sealed record EffectiveLimits(double MinWatts, string MinReason, double MaxWatts, string MaxReason)
{
    /// <summary>Below this distance from the floor the loop stops discharging: one cycle at full power plus the meter latency moves the SoC less than this, so it never ends below the floor.</summary>
    public const double FloorMarginPercent = 0.2;

    public double Clamp(double watts) => Math.Clamp(watts, MinWatts, MaxWatts);

    public override string ToString() => $"{Format(MinWatts)} W ({MinReason}) to {Format(MaxWatts)} W ({MaxReason})";

    /// <summary>The state of charge the battery must not discharge below: the reserve or the backup hold, whichever is higher.</summary>
    public static double FloorPercent(BatterySpec battery, Policy policy) => Math.Max(battery.ReservePercent, policy.BackupHoldPercent ?? 0);

    /// <summary>
    /// The limits for one cycle. The home's net demand (load − PV) is the measured grid plus the measured battery power,
    /// so grid-side constraints (export limit, peak shave, solar-only) become bounds on the battery. The battery's own
    /// limits (rated power, floor, full) win over grid-side ones when they conflict: the loop never asks the impossible.
    /// </summary>
    public static EffectiveLimits Compute(BatterySpec battery, Policy policy, Measurement measured, Intent intent)
    {
        var netDemand = measured.GridWatts + measured.BatteryWatts;
        var floor = FloorPercent(battery, policy);
        var floorName = policy.BackupHoldPercent is { } hold && hold > battery.ReservePercent ? "backup hold" : "reserve";

        double min = -battery.MaxChargeWatts, max = battery.MaxDischargeWatts;
        string minReason = "rated charge power", maxReason = "rated discharge power";
        if (measured.SocPercent is not { } soc)
        {
            (min, minReason, max, maxReason) = (0, "state of charge unknown", 0, "state of charge unknown");
            return new EffectiveLimits(min, minReason, max, maxReason);
        }

        if (soc >= 100)
        {
            (min, minReason) = (0, "battery full");
        }

        if (soc <= floor + FloorMarginPercent)
        {
            (max, maxReason) = (0, $"{floorName} {Format(floor)} %");
        }

        if (policy.SolarOnlyCharging && min < 0)
        {
            var surplus = Math.Max(0, -netDemand);
            if (-surplus > min)
            {
                (min, minReason) = (-surplus, $"solar-only charging: surplus {Format(surplus)} W");
            }
        }

        // Peak shave: grid = netDemand − battery ≤ cap, so the battery must deliver at least netDemand − cap.
        if (policy.PeakShaveWatts is { } cap && netDemand - cap > min)
        {
            (min, minReason) = (Math.Min(netDemand - cap, max), $"peak shave {Format(cap)} W");
        }

        // Export limit: −grid ≤ limit, so the battery may deliver at most netDemand + limit (negative: it must absorb).
        var exportLimit = policy.ExportLimitWatts;
        var exportReason = exportLimit is { } e ? $"export limit {Format(e)} W" : "";
        if (intent == Intent.DischargeToLoad && (exportLimit is null || exportLimit > 0))
        {
            (exportLimit, exportReason) = (0, "discharge to load: never export");
        }

        if (exportLimit is { } limit && netDemand + limit < max)
        {
            (max, maxReason) = (Math.Max(netDemand + limit, min), exportReason);
        }

        return new EffectiveLimits(min, minReason, max, maxReason);
    }

    internal static string Format(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
}
