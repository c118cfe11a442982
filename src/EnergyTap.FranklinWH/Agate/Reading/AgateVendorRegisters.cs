namespace EnergyTap.FranklinWH.Agate.Reading;

/// <summary>
/// FranklinWH registers outside the SunSpec chain, read with plain FC 3. Values are 0-based PDU
/// addresses, the same numbers the aGate community uses ("15502" is sent as address 15502 on the
/// wire, just as the SunSpec marker sits at PDU 0 on this device).
/// </summary>
public static class AgateVendorRegisters
{
    /// <summary>First register of the block read in one request (15502..15513).</summary>
    public const ushort BlockStart = 15502;

    /// <summary>Registers in the block: 15502 through 15513 (the uint32 at 15512 takes two).</summary>
    public const ushort BlockLength = 12;

    /// <summary>Solar power, W. About 43 % of reads return 0xFFFF ("no data").</summary>
    public const ushort SolarWatts = 15502;

    /// <summary>Home load, W, in ~100 W steps.</summary>
    public const ushort HomeLoadCoarseWatts = 15506;

    /// <summary>Native on-grid mode; numbering unsettled (see <see cref="OnGridModeNames"/>). Writable only with the SPAN unlock.</summary>
    public const ushort OnGridMode = 15507;

    /// <summary>Self-consumption reserve, %. Writable only with the SPAN unlock.</summary>
    public const ushort SelfReserve = 15508;

    /// <summary>TOU reserve, %. Always mirrors 15508 (firmware defect).</summary>
    public const ushort TouReserve = 15509;

    /// <summary>Energy counter, Wh, uint32 (high word first).</summary>
    public const ushort EnergyCounterA = 15510;

    /// <summary>Energy counter, Wh, uint32 (high word first).</summary>
    public const ushort EnergyCounterB = 15512;

    /// <summary>Home load, W, at ~1 W resolution.</summary>
    public const ushort HomeLoadWatts = 16000;

    /// <summary>The firmware's "no data" value in these registers.</summary>
    public const ushort NoData = 0xFFFF;
}
