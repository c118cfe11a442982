using EnergyTap.Manager.Battery;

namespace EnergyTap.Manager.Planning;

/// <summary>
/// One slot's physics and money. Battery power is AC at the inverter (positive = discharging); the rated
/// powers bound it; <see cref="Efficiency"/> is one way's (see <see cref="BatteryEnergy"/>).
/// </summary>
internal sealed record SlotModel(
    DateTimeOffset Start, DateTimeOffset End, double Hours,
    double LoadWatts, double PvWatts,
    double ImportPrice, bool ImportPriceKnown, double ExportPrice,
    double MaxChargeWatts, double MaxDischargeWatts, double Efficiency,
    bool SolarOnlyCharging, bool NoBatteryExport, double? ExportLimitWatts, double? PeakShaveWatts)
{
    /// <summary>Load minus PV: positive = the home needs power, negative = surplus solar.</summary>
    public double NetLoadWatts => LoadWatts - PvWatts;

    /// <summary>Most charging power allowed (≥ 0): rated, or only the surplus when grid charging is off.</summary>
    public double ChargeCapWatts =>
        SolarOnlyCharging || !ImportPriceKnown ? Math.Min(MaxChargeWatts, Math.Max(0, -NetLoadWatts)) : MaxChargeWatts;

    /// <summary>Most discharging power allowed (≥ 0): rated, capped so the battery never pushes export past the limit.</summary>
    public double DischargeCapWatts
    {
        get
        {
            var cap = MaxDischargeWatts;
            if (NoBatteryExport || !ImportPriceKnown)
                cap = Math.Min(cap, Math.Max(0, NetLoadWatts));
            if (ExportLimitWatts is { } limit)
                cap = Math.Min(cap, Math.Max(0, NetLoadWatts + limit));
            return cap;
        }
    }

    /// <summary>AC battery power that moves the stored energy from <paramref name="fromWh"/> to <paramref name="toWh"/>.</summary>
    public double Power(double fromWh, double toWh) => BatteryEnergy.AcWatts(toWh - fromWh, Hours, Efficiency);

    /// <summary>The stored energy after running at <paramref name="watts"/> from <paramref name="fromWh"/>.</summary>
    public double EnergyAfter(double fromWh, double watts) => fromWh + BatteryEnergy.StoredChangeWh(watts, Hours, Efficiency);

    public double GridWatts(double batteryWatts) => NetLoadWatts - batteryWatts;

    /// <summary>What the slot costs at this battery power; export past the limit is curtailed, so earns nothing.</summary>
    public double Money(double batteryWatts)
    {
        var grid = GridWatts(batteryWatts);
        if (grid >= 0)
            return grid * Hours / 1000 * ImportPrice;
        var exported = -grid;
        if (ExportLimitWatts is { } limit)
            exported = Math.Min(exported, limit);
        return -exported * Hours / 1000 * ExportPrice;
    }

}
