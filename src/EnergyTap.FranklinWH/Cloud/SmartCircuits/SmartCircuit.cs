namespace EnergyTap.FranklinWH.Cloud.SmartCircuits;

/// <summary>One smart circuit from cmdType 311 (SwNName/SwNMode/SwNProLoad). Circuit 3 is the CarSW (V2L) port.</summary>
public sealed record SmartCircuit(int Number, string? Name, bool? IsOn, int? ProLoad);
