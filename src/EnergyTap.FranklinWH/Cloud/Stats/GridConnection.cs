namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>
/// Whether the aGate is on the grid. Derived from runtimeData.main_sw[0] (1 = grid relay closed) and offgridreason,
/// which the cloud sends as null on the grid and as a reason code (0 included) off it; Unknown when neither says.
/// </summary>
public enum GridConnection
{
    Unknown,
    Connected,
    OffGrid,
}
