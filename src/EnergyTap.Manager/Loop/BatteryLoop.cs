using EnergyTap.Manager.Battery;
using EnergyTap.Manager.Planning;
using EnergyTap.Manager.Policies;

namespace EnergyTap.Manager.Loop;

/// <summary>
/// The fast loop: one <see cref="Step"/> per measurement turns the policy and the plan slot's intent into a battery
/// power. Feed-forward from the measured grid and battery power (their sum is the home's net demand, whatever the
/// battery was doing), so a late meter shifts the answer in time but does not make it oscillate; then a deadband, an
/// anti-hunting damper, a ramp limit and one clamp into <see cref="EffectiveLimits"/>. A command the battery does not
/// follow for <see cref="LoopOptions.FollowCycles"/> cycles raises <see cref="FollowAlarm"/> and the loop backs off to 0 W.
/// </summary>
public sealed class BatteryLoop
{
    // The battery answers a command after its reaction delay and the meter reports it late: the measured power
    // reflects one of the last few commands, so following means lying within the range they span.
    private const int FollowWindow = 3;

    private readonly BatterySpec battery;
    private readonly LoopOptions options;
    private readonly TimeProvider time;
    private readonly Queue<double> recentCommands = new();
    private double? lastCommand;
    private int lastCorrectionSign;
    private int signChanges;
    private int unfollowedCycles;
    private int backOffLeft;
    private int lastDirection;
    private DateTimeOffset lastReversal = DateTimeOffset.MinValue;

    public BatteryLoop(BatterySpec battery, LoopOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(battery);
        this.options = options ?? new LoopOptions();
        if (battery.Problem() is { } batteryProblem)
        {
            throw new ArgumentException(batteryProblem, nameof(battery));
        }

        if (this.options.Problem() is { } optionsProblem)
        {
            throw new ArgumentException(optionsProblem, nameof(options));
        }

        this.battery = battery;
        this.time = time ?? TimeProvider.System;
    }

    public LoopOptions Options => options;

    /// <summary>The limits of the latest cycle (null before the first, or in native mode), to show the user.</summary>
    public EffectiveLimits? Limits { get; private set; }

    /// <summary>Why the battery is not following, while it is not; null when it follows.</summary>
    public string? FollowAlarm { get; private set; }

    /// <summary>Raised with the reason each time the loop gives up on an unfollowed command.</summary>
    public event EventHandler<string>? FollowAlarmRaised;

    /// <summary>The command in force (W, positive = discharge), or null when the loop has none out.</summary>
    public double? CommandWatts => lastCommand;

    public LoopDecision Step(Measurement measured, Policy policy, PlanSlot? slot = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        if (policy.Mode == ManageMode.Native)
        {
            Release();
            return new LoopDecision(now, 0, "native mode: the battery follows its own mode") { HandsOff = true };
        }

        var intent = policy.Mode == ManageMode.Tou && slot is not null ? slot.Intent : Intent.SelfConsume;
        var limits = EffectiveLimits.Compute(battery, policy, measured, intent);
        Limits = limits;
        CheckFollowing(measured, policy);
        if (backOffLeft > 0)
        {
            backOffLeft--;
            var idle = limits.Clamp(0);
            return Issue(now, idle, idle == 0 ? $"backing off: {FollowAlarm}" : $"backing off, but {(idle < 0 ? limits.MinReason : limits.MaxReason)}: {FollowAlarm}");
        }

        var (desired, rule) = Desired(measured, policy, slot, intent);
        var last = lastCommand ?? measured.BatteryWatts;
        var correction = desired - last;
        string? modifier = null;
        if (Math.Abs(correction) < options.DeadbandWatts)
        {
            correction = 0;
            modifier = $"within the {EffectiveLimits.Format(options.DeadbandWatts)} W deadband";
        }
        else
        {
            var sign = Math.Sign(correction);
            signChanges = lastCorrectionSign != 0 && sign == -lastCorrectionSign ? signChanges + 1 : 0;
            lastCorrectionSign = sign;
            if (signChanges >= options.HuntingSignChanges)
            {
                correction *= options.DampingFactor;
                modifier = "damped: the correction keeps changing sign";
            }

            if (Math.Abs(correction) > options.RampWattsPerCycle)
            {
                correction = sign * options.RampWattsPerCycle;
                modifier = $"ramp limit {EffectiveLimits.Format(options.RampWattsPerCycle)} W per cycle";
            }
        }

        var target = last + correction;
        if (Math.Abs(target) < options.DeadbandWatts)
        {
            target = 0; // a few watts either way is noise, and flipping between them is a charge/discharge reversal
        }

        var command = limits.Clamp(target);
        if (command > target)
        {
            modifier = limits.MinReason;
        }
        else if (command < target)
        {
            modifier = limits.MaxReason;
        }

        var direction = Math.Sign(command);
        if (direction != 0 && lastDirection != 0 && direction != lastDirection)
        {
            // Each reversal crosses zero and stresses the inverter; noise around PV ≈ load must not cause them.
            if (Math.Abs(command) < options.ReversalThresholdWatts || now - lastReversal < options.MinReversalInterval)
            {
                modifier = Math.Abs(command) < options.ReversalThresholdWatts
                    ? $"idle: {EffectiveLimits.Format(Math.Abs(command))} W is too little to reverse for"
                    : $"idle: less than {options.MinReversalInterval.TotalSeconds:0} s since the last reversal";
                command = limits.Clamp(0);
            }
            else
            {
                lastReversal = now;
            }
        }

        return Issue(now, command, modifier is null ? rule : $"{rule}; {modifier}");
    }

    private (double Watts, string Rule) Desired(Measurement measured, Policy policy, PlanSlot? slot, Intent intent)
    {
        var planned = slot?.PlannedBatteryWatts ?? 0;
        switch (intent)
        {
            case Intent.ChargeFromGrid:
                return planned < 0 ? (planned, "plan: charge from the grid") : (-battery.MaxChargeWatts, "plan: charge from the grid at the rated power");
            case Intent.Hold:
                return (0, "plan: hold");
            case Intent.Export:
                return planned > 0 ? (planned, "plan: export") : (battery.MaxDischargeWatts, "plan: export at the rated power");
            default:
                var from = policy.Mode == ManageMode.Tou ? slot is null ? "no plan slot, self-consume" : intent == Intent.DischargeToLoad ? "plan: discharge to load" : "plan: self-consume" : "self-consumption";
                var target = policy.GridTargetWatts;
                return (measured.GridWatts + measured.BatteryWatts - target,
                    $"{from}: grid {EffectiveLimits.Format(measured.GridWatts)} W, target {EffectiveLimits.Format(target)} W");
        }
    }

    private void CheckFollowing(Measurement measured, Policy policy)
    {
        if (recentCommands.Count == 0)
        {
            return;
        }

        double low = recentCommands.Min(), high = recentCommands.Max();
        var tolerance = Math.Max(options.FollowToleranceWatts, 0.1 * Math.Max(Math.Abs(low), Math.Abs(high)));
        var actual = measured.BatteryWatts;
        var followed = actual >= low - tolerance && actual <= high + tolerance;
        // A full or empty battery stops by itself; that is the battery keeping its limits, not ignoring us.
        if (!followed && measured.SocPercent is { } soc)
        {
            var floor = EffectiveLimits.FloorPercent(battery, policy);
            followed = (actual > high && soc >= 99) || (actual < low && soc <= floor + 2 * EffectiveLimits.FloorMarginPercent);
        }

        if (followed)
        {
            unfollowedCycles = 0;
            if (backOffLeft == 0)
            {
                FollowAlarm = null;
            }

            return;
        }

        if (++unfollowedCycles < options.FollowCycles)
        {
            return;
        }

        var asked = lastCommand ?? 0;
        var reason = $"the battery did not follow the command ({EffectiveLimits.Format(asked)} W) for {unfollowedCycles} cycles: it measured {EffectiveLimits.Format(actual)} W";
        FollowAlarm = reason;
        unfollowedCycles = 0;
        backOffLeft = options.BackOffCycles;
        recentCommands.Clear();
        FollowAlarmRaised?.Invoke(this, reason);
    }

    private LoopDecision Issue(DateTimeOffset now, double watts, string reason)
    {
        lastCommand = watts;
        if (watts != 0)
        {
            lastDirection = Math.Sign(watts);
        }

        recentCommands.Enqueue(watts);
        while (recentCommands.Count > FollowWindow)
        {
            recentCommands.Dequeue();
        }

        return new LoopDecision(now, watts, reason);
    }

    private void Release()
    {
        lastCommand = null;
        Limits = null;
        recentCommands.Clear();
        unfollowedCycles = 0;
        backOffLeft = 0;
        lastCorrectionSign = 0;
        signChanges = 0;
        lastDirection = 0;
    }
}
