namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// Turns a command into the value for 704 WSetPct. The aGate inverts the SunSpec sign:
/// on the wire, negative = charge and positive = discharge.
/// </summary>
public static class WSetPctSetpoint
{
    /// <summary>The percentage of the rating, with the aGate's sign (negative = charge).</summary>
    public static double Percent(BatteryCommand command, PowerRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ratings);
        if (command.Kind == BatteryCommandKind.Idle)
        {
            return 0;
        }

        var percent = Math.Round(command.Watts / ratings.For(command.Kind) * 100, 2);
        return command.Kind == BatteryCommandKind.Charge ? -percent : percent;
    }

    /// <summary>The register value for a percentage, given WSetPct_SF (percent = raw × 10^sf).</summary>
    public static short Raw(double percent, int scaleFactor)
    {
        var raw = Math.Round(percent / Math.Pow(10, scaleFactor), MidpointRounding.AwayFromZero);
        if (raw is < short.MinValue or > short.MaxValue)
        {
            throw new AgateCommandRefusedException($"refused: {percent} % does not fit WSetPct with scale factor {scaleFactor}");
        }

        return (short)raw;
    }

    /// <summary>The watts a WSetPct reading means (positive = discharge, negative = charge).</summary>
    public static double Watts(double wsetPct, PowerRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return wsetPct < 0 ? wsetPct / 100 * ratings.ChargeWatts : wsetPct / 100 * ratings.DischargeWatts;
    }
}
