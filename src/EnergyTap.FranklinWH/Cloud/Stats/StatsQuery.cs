namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>What to fetch besides runtimeData. Each extra costs one sendMqtt round trip to the aGate.</summary>
public sealed record StatsQuery
{
    public static readonly StatsQuery RuntimeOnly = new();

    /// <summary>Also ask cmdType 211 for the V2L contactor (evRelayStat).</summary>
    public bool IncludeElectrical { get; init; }

    /// <summary>Also ask cmdType 353 ({"opt":0}) for V2L live power and daily energy.</summary>
    public bool IncludeAccessories { get; init; }
}
