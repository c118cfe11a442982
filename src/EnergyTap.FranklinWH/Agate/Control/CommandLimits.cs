namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// The checks every command passes before a single register is written. The aGate validates nothing
/// (it accepts 1500 %), so the client must.
/// </summary>
public static class CommandLimits
{
    /// <summary>Throws <see cref="AgateCommandRefusedException"/> when the command must not be sent.</summary>
    public static void Check(BatteryCommand command, PowerRatings ratings, double? socPercent, double reserveSocPercent)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ratings);
        if (command.Watts < 0)
        {
            throw new AgateCommandRefusedException($"refused: {command.Kind.ToString().ToLowerInvariant()} power must be positive (got {command.Watts} W); the direction is given by the command");
        }

        if (command.Kind == BatteryCommandKind.Idle)
        {
            return;
        }

        if (command.Watts == 0)
        {
            throw new AgateCommandRefusedException($"refused: {command.Kind.ToString().ToLowerInvariant()} 0 W; use idle to hold the battery at zero");
        }

        var rating = ratings.For(command.Kind);
        if (command.Watts > rating)
        {
            var source = (command.Kind == BatteryCommandKind.Charge ? ratings.ChargeIsFallback : ratings.DischargeIsFallback)
                ? "configured fallback rating, the device reports none"
                : command.Kind == BatteryCommandKind.Charge ? "WChaRteMaxRtg" : "WDisChaRteMaxRtg";
            throw new AgateCommandRefusedException($"refused: {command} is beyond the {command.Kind.ToString().ToLowerInvariant()} rating of {rating:0} W ({source})");
        }

        if (command.Kind == BatteryCommandKind.Discharge)
        {
            if (socPercent is null)
            {
                throw new AgateCommandRefusedException("refused: the battery's state of charge cannot be read, so the reserve cannot be protected");
            }

            if (socPercent <= reserveSocPercent)
            {
                throw new AgateCommandRefusedException($"refused: state of charge {socPercent:0.#} % is at or below the reserve of {reserveSocPercent:0.#} %");
            }
        }
    }
}
