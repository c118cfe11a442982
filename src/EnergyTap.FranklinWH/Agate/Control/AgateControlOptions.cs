namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>How the controller commands the battery and judges what it reads.</summary>
public sealed record AgateControlOptions
{
    /// <summary>Rating used when 702 WChaRteMaxRtg/WDisChaRteMaxRtg read 0xFFFF (not implemented). 5000 W is one aPower.</summary>
    public double FallbackRatingWatts { get; init; } = 5_000;

    /// <summary>Discharge commands are refused at or below this state of charge.</summary>
    public double ReserveSocPercent { get; init; } = 20;

    /// <summary>Wait between the steps of the command sequence; the aGate applies writes with a delay (300–500 ms helps).</summary>
    public TimeSpan Settling { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Sign of 714 DCW. Sources disagree; the default (seed 001) is negative = charging.</summary>
    public bool DcwPositiveIsCharging { get; init; }

    /// <summary>Which OnGridMode numbering names the native mode (see <see cref="Reading.OnGridModeNames"/>); null = the first.</summary>
    public string? ModeNumbering { get; init; }

    /// <summary>Taper power as the state of charge nears a target; null = no ramp.</summary>
    public SocRamp? SocRamp { get; init; }

    /// <summary>Release a command whose revert deadline passed as soon as a controller connects (recommended).</summary>
    public bool ReleaseExpiredOnConnect { get; init; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FallbackRatingWatts, 0);
        if (ReserveSocPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(ReserveSocPercent), ReserveSocPercent, "the reserve is 0..100 %");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Settling, TimeSpan.Zero);
    }
}
