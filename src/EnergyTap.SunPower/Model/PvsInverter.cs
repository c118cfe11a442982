namespace EnergyTap.SunPower.Model;

/// <summary>
/// A microinverter. Metrics exist only while it works: at night STATE is "error" and every metric is absent
/// (null here), which is normal. Varserver has no STATE; there a present AC power means it reports.
/// </summary>
public sealed record PvsInverter : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.Inverter;

    /// <summary>True while the inverter reports production data (STATE working, or varserver metrics present).</summary>
    public bool IsWorking => State == PvsDeviceState.Working || (StateText is null && AcPower is not null);

    /// <summary>MOD_SN or module_serial: the panel module's serial.</summary>
    public string? ModuleSerial => Field("MOD_SN", "module_serial");

    public string? Panel => Field("PANEL");

    public Quantity? AcPower => Q(PvsUnit.Kilowatt, "p_3phsum_kw", "p3phsumKw");

    public Quantity? AcCurrent => Q(PvsUnit.Ampere, "i_3phsum_a", "i3phsumA");

    public Quantity? AcVoltage => Q(PvsUnit.Volt, "vln_3phavg_v", "vln3phavgV");

    public Quantity? Frequency => Q(PvsUnit.Hertz, "freq_hz", "freqHz");

    public Quantity? LifetimeEnergy => Q(PvsUnit.KilowattHour, "ltea_3phsum_kwh", "ltea3phsumKwh");

    /// <summary>p_mppt1_kw on newer builds, p_mpptsum_kw on older ones.</summary>
    public Quantity? DcPower => Q(PvsUnit.Kilowatt, "p_mppt1_kw", "p_mpptsum_kw", "pMppt1Kw");

    public Quantity? DcVoltage => Q(PvsUnit.Volt, "v_mppt1_v", "vMppt1V");

    public Quantity? DcCurrent => Q(PvsUnit.Ampere, "i_mppt1_a", "iMppt1A");

    public Quantity? HeatsinkTemperature => Q(PvsUnit.Celsius, "t_htsnk_degc", "tHtsnkDegc");

    public long? StatusIndicator => I("stat_ind");
}
