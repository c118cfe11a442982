namespace EnergyTap.SunPower.Model;

/// <summary>
/// SunVault totals across every Energy Storage System entry: summed power and limits, capacity-unweighted
/// mean state of charge/health. Values are null where the firmware gives none (legacy firmware gives
/// state of charge and power, from energy-storage-system/status, but no health or limits).
/// </summary>
public sealed record BatteryTotals(
    int Systems,
    int BatteryModules,
    Quantity? StateOfCharge,
    Quantity? CustomerStateOfCharge,
    Quantity? StateOfHealth,
    Quantity? Power,
    Quantity? ChargeLimit,
    Quantity? DischargeLimit)
{
    public static BatteryTotals From(IEnumerable<PvsDevice> devices)
    {
        var list = devices.ToList();
        var systems = list.OfType<PvsEnergyStorageSystem>().ToList();
        return new BatteryTotals(
            systems.Count,
            list.OfType<PvsBattery>().Count(),
            Mean(systems.Select(s => s.StateOfCharge)),
            Mean(systems.Select(s => s.CustomerStateOfCharge)),
            Mean(systems.Select(s => s.StateOfHealth)),
            Quantity.Sum(systems.Select(s => s.Power), PvsUnit.Kilowatt),
            Quantity.Sum(systems.Select(s => s.ChargeLimit), PvsUnit.Kilowatt),
            Quantity.Sum(systems.Select(s => s.DischargeLimit), PvsUnit.Kilowatt));
    }

    private static Quantity? Mean(IEnumerable<Quantity?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value.Value).ToList();
        return present.Count == 0 ? null : new Quantity(present.Average(), PvsUnit.Percent);
    }
}
