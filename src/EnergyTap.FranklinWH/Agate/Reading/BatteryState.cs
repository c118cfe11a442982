namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>What the battery is doing, derived from 714 DCW (713 Sta is always 0 on the aGate).</summary>
public enum BatteryState
{
    Idle,
    Charging,
    Discharging,
    Unknown,
}

/// <summary>
/// Classifies DC power with a ±50 W dead band. Sources disagree on the sign of DCW, so it is a setting:
/// by default (seed 001) negative DCW means charging.
/// </summary>
public sealed record BatteryStateClassifier(bool DcwPositiveIsCharging = false, double BandWatts = 50)
{
    public BatteryState Classify(double? dcWatts)
    {
        if (dcWatts is not { } watts || double.IsNaN(watts))
        {
            return BatteryState.Unknown;
        }

        var charging = DcwPositiveIsCharging ? watts : -watts;
        return charging > BandWatts ? BatteryState.Charging
            : charging < -BandWatts ? BatteryState.Discharging
            : BatteryState.Idle;
    }

    /// <summary>DCW turned into this library's convention: positive = discharging.</summary>
    public double? DischargeWatts(double? dcWatts) => dcWatts is { } w ? (DcwPositiveIsCharging ? -w : w) : null;
}
