namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>One aPower battery (runtimeData fhpSn/fhpSoc/fhpPower, same index). Power sign as <see cref="CurrentValues.BatteryKw"/>.</summary>
public sealed record BatteryUnit(string? Serial, double? SocPercent, double? PowerKw);
