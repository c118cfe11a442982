namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// The charge and discharge ratings WSetPct is a percentage of (702 WChaRteMaxRtg / WDisChaRteMaxRtg,
/// not WMaxRtg). A rating the device does not report (0xFFFF, zero, absurd) is replaced by the
/// configured fallback, and the record says so.
/// </summary>
public sealed record PowerRatings(double ChargeWatts, double DischargeWatts, bool ChargeIsFallback, bool DischargeIsFallback)
{
    // Nothing a home battery system reports as a rating is above this; 0xFFFF-ish values are garbage.
    private const double SaneMaximumWatts = 60_000;

    public static PowerRatings Resolve(double? chargeRating, double? dischargeRating, double fallbackWatts)
    {
        if (fallbackWatts is <= 0 or > SaneMaximumWatts)
        {
            throw new ArgumentOutOfRangeException(nameof(fallbackWatts), fallbackWatts, "the fallback rating must be a positive number of watts");
        }

        var charge = IsSane(chargeRating);
        var discharge = IsSane(dischargeRating);
        return new PowerRatings(charge ? chargeRating!.Value : fallbackWatts, discharge ? dischargeRating!.Value : fallbackWatts, !charge, !discharge);
    }

    public double For(BatteryCommandKind kind) => kind == BatteryCommandKind.Charge ? ChargeWatts : DischargeWatts;

    private static bool IsSane(double? watts) => watts is > 0 and <= SaneMaximumWatts;
}
