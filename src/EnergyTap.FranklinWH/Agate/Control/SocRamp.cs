namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// The aGate has no working ramp (WRmp is discarded), so the controller tapers power itself as the
/// state of charge approaches a target: full power outside the window, falling linearly to a floor
/// at the target, and zero once the target is reached.
/// </summary>
public sealed record SocRamp(double TargetSocPercent, double WindowPercent, int MinimumWatts = 300)
{
    public BatteryCommand Apply(BatteryCommand command, double socPercent)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Kind == BatteryCommandKind.Idle || WindowPercent <= 0)
        {
            return command;
        }

        var distance = command.Kind == BatteryCommandKind.Charge ? TargetSocPercent - socPercent : socPercent - TargetSocPercent;
        if (distance <= 0)
        {
            return BatteryCommand.Idle;
        }

        if (distance >= WindowPercent)
        {
            return command;
        }

        var tapered = (int)Math.Round(command.Watts * distance / WindowPercent);
        return command with { Watts = Math.Min(command.Watts, Math.Max(MinimumWatts, tapered)) };
    }
}
