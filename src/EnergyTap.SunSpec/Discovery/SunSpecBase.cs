namespace EnergyTap.SunSpec.Discovery;

/// <summary>
/// Where to look for the "SunS" marker. Addresses are 0-based PDU addresses: the register some tools call
/// 40001 (or "base 1") is PDU address 40000 (or 0).
/// </summary>
public static class SunSpecBase
{
    /// <summary>The addresses tried, in order, when none is given: 40000, 0, 50000.</summary>
    public static IReadOnlyList<int> AutoCandidates { get; } = [40000, 0, 50000];

    /// <summary>The marker "SunS" as two registers.</summary>
    public const ushort Marker0 = 0x5375;

    public const ushort Marker1 = 0x6E53;

    /// <summary>The model id that ends the chain.</summary>
    public const ushort EndMarker = 0xFFFF;
}
