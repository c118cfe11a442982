namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>cmdType 353 {"opt":0}: the CarSW (V2L) port and smart-circuit export power.</summary>
public sealed record V2lPower(double? CurrentA, double? PowerKw, double? ImportKwh, double? ExportKwh, double? Sw1ExpPowerKw, double? Sw2ExpPowerKw);
