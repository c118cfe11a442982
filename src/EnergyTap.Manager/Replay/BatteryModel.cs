using EnergyTap.Manager.Battery;

namespace EnergyTap.Manager.Replay;

/// <summary>
/// The simulated battery: it answers a command after <see cref="ReactionDelay"/>, within its rated powers, and stops
/// by itself only when empty or full (keeping the reserve is the loop's job, so replay can catch a loop that does
/// not). Losses are split evenly between charge and discharge (√η each way).
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
        oneWayEfficiency = Math.Sqrt(spec.RoundTripEfficiency);
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
        if (watts > 0)
        {
            watts = Math.Min(watts, StoredWh * oneWayEfficiency / hours);
            var drawn = watts * hours / oneWayEfficiency;
            StoredWh = Math.Max(0, StoredWh - drawn);
            LossWh += drawn - watts * hours;
        }
        else if (watts < 0)
        {
            watts = -Math.Min(-watts, (Spec.CapacityWh - StoredWh) / oneWayEfficiency / hours);
            var stored = -watts * hours * oneWayEfficiency;
            StoredWh = Math.Min(Spec.CapacityWh, StoredWh + stored);
            LossWh += -watts * hours - stored;
        }

        Watts = watts;
        return watts;
    }
}
