namespace EnergyTap.Simulators.Agate.Physics;

/// <summary>
/// The simulated site: how big the solar array and the batteries are, and what the home draws.
/// Defaults describe a typical aGate X with one aPower (13.6 kWh, 5 kW) and a 7 kW array.
/// </summary>
public sealed record AgatePhysicsOptions
{
    /// <summary>Most aPowers one simulated aGate carries; large sites chain many, which is when 714 DCW wraps.</summary>
    public const int MaxBatteries = 15;

    /// <summary>Number of aPower batteries (1..<see cref="MaxBatteries"/>), each one Prt block in model 714.</summary>
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

    /// <summary>
    /// A site above 32.767 kW, where the aGate's int16 registers 701 W (grid) and 714 DCW (battery) wrap:
    /// eight aPowers (40 kW), a 60 kW array and a home that draws 20 kW at night.
    /// </summary>
    public static AgatePhysicsOptions LargeSite { get; } = new()
    {
        Batteries = 8,
        SolarPeakWatts = 60_000,
        HomeBaseLoadWatts = 20_000,
    };

    internal void Validate()
    {
        if (Batteries is < 1 or > MaxBatteries)
        {
            throw new ArgumentOutOfRangeException(nameof(Batteries), Batteries, $"an aGate carries 1 to {MaxBatteries} batteries");
        }

        if (InitialSocPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialSocPercent), InitialSocPercent, "state of charge is 0..100 %");
        }
    }
}
