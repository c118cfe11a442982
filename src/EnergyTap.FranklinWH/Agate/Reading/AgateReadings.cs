using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>
/// The battery. Power follows this library's convention, whatever the DCW sign setting: positive =
/// discharging. Current is derived as P/V because 714 DCA reads 0 on the aGate. <see cref="PowerCorrected"/>
/// says the int16 714 DCW had wrapped (above 32.767 kW) and <see cref="DcWatts"/> was undone from it.
/// </summary>
public sealed record BatteryReading(
    double? SocPercent,
    double? SohPercent,
    double? CapacityWh,
    double? AvailableWh,
    double? DcWatts,
    double? DcVolts,
    double? DcAmps,
    double? TemperatureC,
    BatteryState State,
    int? HealthStatusRaw,
    IReadOnlyList<BatteryPortReading> Ports)
{
    /// <summary>True when 714 DCW had wrapped and the power was corrected from the aPowers or the site balance.</summary>
    public bool PowerCorrected { get; init; }
}

/// <summary>One aPower (a 714 Prt block).</summary>
public sealed record BatteryPortReading(int Index, string? Id, double? DcWatts, double? DcVolts, double? DcAmps, double? TemperatureC, BatteryState State, string? Status);

/// <summary>
/// Solar production. 15502 (vendor) returns 0xFFFF on many reads, so <see cref="VendorWatts"/> is null then;
/// <see cref="Watts"/> prefers the vendor register and falls back to model 502.
/// </summary>
public sealed record SolarReading(double? Watts, double? VendorWatts, double? Model502Watts, double? EnergyWh);

/// <summary>Grid exchange from 701.W (SunSpec: positive = injecting); here positive = importing.</summary>
public sealed record GridReading(double? ImportWatts, double? Volts, double? Hertz, double? PowerFactor)
{
    /// <summary>True when the int16 701 W had wrapped (above 32.767 kW) and was corrected from the site balance.</summary>
    public bool PowerCorrected { get; init; }

    /// <summary>
    /// On the grid (true) or in an outage (false), from 701 St — offset 3 from the model ID, which reads 1 on the
    /// grid in hardware tests — or, when St is not implemented, SunSpec's ConnSt. Null when neither is readable.
    /// </summary>
    public bool? Connected { get; init; }
}

/// <summary>The four flows of one poll, after int16 wrap correction.</summary>
public sealed record SiteFlows(BatteryReading Battery, SolarReading Solar, GridReading Grid, HomeLoadReading HomeLoad);

/// <summary>Home consumption: 16000 (~1 W) with 15506 (~100 W steps) as a fallback.</summary>
public sealed record HomeLoadReading(double? Watts, double? CoarseWatts, double? EnergyWh);

/// <summary>The Modbus control registers of model 704, plus what EnergyTap remembers about them.</summary>
public sealed record ControlStatus(
    int? WSetEna,
    int? WSetMod,
    double? WSetPct,
    double? WSet,
    double? CommandedWatts,
    long? WSetRvrtTms,
    long? WSetRvrtRem,
    int? PFWInjEna,
    CommandTimerStatus Timer)
{
    public bool Enabled => WSetEna == 1;
}

/// <summary>The aGate's own mode and reserves (vendor registers 15507–15509).</summary>
public sealed record NativeModeReading(NativeMode Mode, int? SelfReservePercent, int? TouReservePercent, ExtensionAccess Access)
{
    /// <summary>15509 always mirrors 15508 on current firmware; false would be news.</summary>
    public bool ReservesMirror => SelfReservePercent == TouReservePercent;
}

/// <summary>Whether 15507–15509 take writes (needs the installer's SPAN Modbus unlock).</summary>
public enum ExtensionAccess
{
    /// <summary>Not probed: probing needs a write, so it only happens when asked for.</summary>
    NotProbed,
    ReadOnly,
    Writable,
}

/// <summary>What the aGate says it is.</summary>
public sealed record Nameplate(
    string? Manufacturer,
    string? Model,
    string? Options,
    string? Firmware,
    string? SerialNumber,
    double? WMaxRtg,
    double? WChaRteMaxRtg,
    double? WDisChaRteMaxRtg,
    PowerRatings EffectiveRatings,
    double? CapacityWh,
    int Batteries,
    IReadOnlyList<int> Models,
    int BaseAddress);

/// <summary>Everything <c>agate status</c> shows, read without writing anything.</summary>
public sealed record AgateStatus(
    DateTimeOffset At,
    BatteryReading Battery,
    SolarReading Solar,
    GridReading Grid,
    HomeLoadReading HomeLoad,
    ControlStatus Control,
    NativeModeReading NativeMode);
