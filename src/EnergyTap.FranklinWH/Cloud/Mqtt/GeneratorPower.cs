namespace EnergyTap.FranklinWH.Cloud.Mqtt;

/// <summary>cmdType 353 option 3: generator live output.</summary>
public sealed record GeneratorPower(double? PowerKw, double? VoltageV, double? CurrentA, double? FrequencyHz);
