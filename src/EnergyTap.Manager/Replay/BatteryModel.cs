using EnergyTap.Manager.Battery;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// The simulated battery: it answers a command after <see cref="ReactionDelay"/>, within its rated powers, and stops
/// by itself only when empty or full (keeping the reserve is the loop's job, so replay can catch a loop that does
/// not). Losses as the planner counts them (<see cref="BatteryEnergy"/>).
/// </summary>
public sealed class BatteryModel
{
    private readonly Queue<(DateTimeOffset Due, double Watts)> pending = new();
    private readonly double oneWayEfficiency;
    private double commandInForce;

    public BatteryModel(BatterySpec spec, double initialSocPercent, TimeSpan reactionDelay)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        StoredWh = spec.CapacityWh * Math.Clamp(initialSocPercent, 0, 100) / 100;
        ReactionDelay = reactionDelay;
        oneWayEfficiency = BatteryEnergy.OneWayEfficiency(spec.RoundTripEfficiency);
    }

    public BatterySpec Spec { get; }

    public TimeSpan ReactionDelay { get; }

    public double StoredWh { get; private set; }

    public double SocPercent => StoredWh / Spec.CapacityWh * 100;

    /// <summary>The AC power of the latest <see cref="Advance"/> (positive = discharging).</summary>
    public double Watts { get; private set; }

    /// <summary>Energy lost to conversion so far, Wh.</summary>
    public double LossWh { get; private set; }

    public void Command(double watts, DateTimeOffset at) => pending.Enqueue((at + ReactionDelay, watts));

    /// <summary>Runs the battery from <paramref name="now"/> for <paramref name="interval"/> and returns its AC power.</summary>
    public double Advance(DateTimeOffset now, TimeSpan interval)
    {
        while (pending.TryPeek(out var next) && next.Due <= now)
        {
            commandInForce = pending.Dequeue().Watts;
        }

        var hours = interval.TotalHours;
        var watts = Math.Clamp(commandInForce, -Spec.MaxChargeWatts, Spec.MaxDischargeWatts);
        // No further than full or empty in this interval.
        watts = Math.Clamp(watts, BatteryEnergy.AcWatts(Spec.CapacityWh - StoredWh, hours, oneWayEfficiency), BatteryEnergy.AcWatts(-StoredWh, hours, oneWayEfficiency));
        var change = BatteryEnergy.StoredChangeWh(watts, hours, oneWayEfficiency);
        StoredWh = Math.Clamp(StoredWh + change, 0, Spec.CapacityWh);
        LossWh += -watts * hours - change; // AC energy in minus what the cells gained (both negative when discharging)
        Watts = watts;
        return watts;
    }
}
