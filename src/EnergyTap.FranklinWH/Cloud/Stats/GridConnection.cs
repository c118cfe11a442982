namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>
/// Whether the aGate's grid relay is closed. Derived from runtimeData.main_sw[0] (1 = grid relay closed) and
/// offgridreason (non-zero = off grid); Unknown when neither is present.
/// </summary>
public enum GridConnection
{
    Unknown,
    Connected,
    OffGrid,
}
