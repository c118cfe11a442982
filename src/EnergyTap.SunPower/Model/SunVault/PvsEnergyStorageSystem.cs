namespace EnergyTap.SunPower.Model;

/// <summary>
/// The SunVault as a whole (dl_cgi "Energy Storage System", TYPE EQUINOX-ESS; varserver /sys/devices/ess).
/// Varserver gives state of charge, health, power and limits; on legacy firmware the client adds state of charge
/// and power from energy-storage-system/status (DeviceList carries no metric for it).
/// </summary>
public sealed record PvsEnergyStorageSystem : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.EnergyStorageSystem;

    /// <summary>socVal, reported 0–1, given here in percent.</summary>
    public Quantity? StateOfCharge => Percent("socVal");

    /// <summary>customerSocVal (the SoC the app shows), in percent.</summary>
    public Quantity? CustomerStateOfCharge => Percent("customerSocVal");

    /// <summary>sohVal, in percent.</summary>
    public Quantity? StateOfHealth => Percent("sohVal");

    public string? OperatingMode => Field("opMode");

    public Quantity? Power => Q(PvsUnit.Kilowatt, "p3phsumKw");

    public Quantity? ChargeLimit => Q(PvsUnit.Kilowatt, "chrgLimitPmaxKw");

    public Quantity? DischargeLimit => Q(PvsUnit.Kilowatt, "dischrgLimPmaxKw");

    public Quantity? PositiveEnergy => Q(PvsUnit.KilowattHour, "posLtea3phsumKwh");

    public Quantity? NegativeEnergy => Q(PvsUnit.KilowattHour, "negLtea3phsumKwh");

    public Quantity? MinCellVoltage => Q(PvsUnit.Volt, "minVBattCellV");

    public Quantity? MaxCellVoltage => Q(PvsUnit.Volt, "maxVBattCellV");

    public Quantity? MinCellTemperature => Q(PvsUnit.Celsius, "minTBattCellDegc");

    public Quantity? MaxCellTemperature => Q(PvsUnit.Celsius, "maxTBattCellDegc");

    public Quantity? BatteryVoltage => Q(PvsUnit.Volt, "vBattV");

    public Quantity? InverterTemperature => Q(PvsUnit.Celsius, "tInvtrDegc");

    public Quantity? Voltage1N => Q(PvsUnit.Volt, "v1nV");

    public Quantity? Voltage2N => Q(PvsUnit.Volt, "v2nV");

    // Fractions (0–1) become percent; values already above 1 are taken as percent.
    private Quantity? Percent(string name) => N(name) is { } v ? new Quantity(v <= 1.0 ? v * 100 : v, PvsUnit.Percent) : null;
}
