namespace EnergyTap.SunPower.Model;

/// <summary>
/// A production (…p) or consumption (…c) meter. Meters refresh every 5–15 s. The production meter reads
/// slightly negative at night (inverter self-consumption). Consumption-only fields are null on production meters.
/// </summary>
public sealed record PvsPowerMeter : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.PowerMeter;

    public PvsMeterRole Role { get; init; }

    /// <summary>subtype, e.g. NET_CONSUMPTION_LOADSIDE, GROSS_PRODUCTION, when the firmware sends it.</summary>
    public string? Subtype => Field("subtype");

    public double? CtScaleFactor => N("ct_scl_fctr", "ctSclFctr");

    public double? CalibrationReferenceAmps => N("CAL0");

    public Quantity? Power => Q(PvsUnit.Kilowatt, "p_3phsum_kw", "p3phsumKw");

    public Quantity? ReactivePower => Q(PvsUnit.KilovoltAmpereReactive, "q_3phsum_kvar", "q3phsumKvar");

    public Quantity? ApparentPower => Q(PvsUnit.KilovoltAmpere, "s_3phsum_kva", "s3phsumKva");

    public Quantity? PowerFactor => Q(PvsUnit.Ratio, "tot_pf_rto", "totPfRto");

    public Quantity? Frequency => Q(PvsUnit.Hertz, "freq_hz", "freqHz");

    public Quantity? NetEnergy => Q(PvsUnit.KilowattHour, "net_ltea_3phsum_kwh", "netLtea3phsumKwh");

    public Quantity? PositiveEnergy => Q(PvsUnit.KilowattHour, "pos_ltea_3phsum_kwh", "posLtea3phsumKwh");

    public Quantity? NegativeEnergy => Q(PvsUnit.KilowattHour, "neg_ltea_3phsum_kwh", "negLtea3phsumKwh");

    public Quantity? Current1 => Q(PvsUnit.Ampere, "i1_a", "i1A");

    public Quantity? Current2 => Q(PvsUnit.Ampere, "i2_a", "i2A");

    public Quantity? Voltage1N => Q(PvsUnit.Volt, "v1n_v", "v1nV");

    public Quantity? Voltage2N => Q(PvsUnit.Volt, "v2n_v", "v2nV");

    public Quantity? Voltage12 => Q(PvsUnit.Volt, "v12_v", "v12V");

    public Quantity? Power1 => Q(PvsUnit.Kilowatt, "p1_kw", "p1Kw");

    public Quantity? Power2 => Q(PvsUnit.Kilowatt, "p2_kw", "p2Kw");
}
