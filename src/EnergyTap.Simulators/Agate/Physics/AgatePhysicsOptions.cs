namespace EnergyTap.Simulators.Agate.Physics;

/// <summary>
/// The simulated site: how big the solar array and the batteries are, and what the home draws.
/// Defaults describe a typical aGate X with one aPower (13.6 kWh, 5 kW) and a 7 kW array.
/// </summary>
public sealed record AgatePhysicsOptions
{
    /// <summary>Number of aPower batteries (1..4), each one Prt block in model 714.</summary>
    public int Batteries { get; init; } = 1;

    /// <summary>Usable energy of one battery.</summary>
    public double BatteryCapacityWh { get; init; } = 13_600;

    /// <summary>Charge and discharge rating of one battery (the aGate reports 5000 W for WChaRteMaxRtg/WDisChaRteMaxRtg).</summary>
    public double BatteryRatedWatts { get; init; } = 5_000;

    /// <summary>State of charge at the start, in percent.</summary>
    public double InitialSocPercent { get; init; } = 60;

    /// <summary>Reserve the native self-consumption mode keeps in the battery, in percent.</summary>
    public double ReserveSocPercent { get; init; } = 20;

    /// <summary>Peak AC output of the solar array at solar noon on a clear day.</summary>
    public double SolarPeakWatts { get; init; } = 7_000;

    /// <summary>What the home draws at night with nothing running.</summary>
    public double HomeBaseLoadWatts { get; init; } = 450;

    /// <summary>Hours added to UTC to get the site's local solar time (sunrise ~06:00, sunset ~18:00 local).</summary>
    public double UtcOffsetHours { get; init; }

    /// <summary>Seed for the weather and appliance noise: the same seed and clock give the same readings.</summary>
    public int Seed { get; init; } = 1;

    public double TotalRatedWatts => BatteryRatedWatts * Batteries;

    internal void Validate()
    {
        if (Batteries is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(Batteries), Batteries, "an aGate carries 1 to 4 batteries");
        }

        if (InitialSocPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialSocPercent), InitialSocPercent, "state of charge is 0..100 %");
        }
    }
}
