namespace EnergyTap.SunSpec.Catalog;

/// <summary>The point types of the SunSpec model schema.</summary>
public enum PointType
{
    Int16, Int32, Int64,
    UInt16, UInt32, UInt64,
    Acc16, Acc32, Acc64,
    Raw16,
    Bitfield16, Bitfield32, Bitfield64,
    Enum16, Enum32,
    Float32, Float64,
    String,
    Pad,
    IpAddr, Ipv6Addr, Eui48,
    SunSsf,
    Count,
}

/// <summary>Schema spellings and register sizes of <see cref="PointType"/>.</summary>
public static class PointTypes
{
    private static readonly Dictionary<string, PointType> BySchemaName =
        Enum.GetValues<PointType>().ToDictionary(SchemaName, StringComparer.Ordinal);

    /// <summary>The name the official model JSON uses ("int16", "sunssf", "ipv6addr", ...).</summary>
    public static string SchemaName(this PointType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string schemaName, out PointType type) => BySchemaName.TryGetValue(schemaName, out type);

    /// <summary>Registers a point of this type occupies; 0 for strings, whose size each point gives.</summary>
    public static int DefaultSize(this PointType type) => type switch
    {
        PointType.Int32 or PointType.UInt32 or PointType.Acc32 or PointType.Bitfield32 or PointType.Enum32
            or PointType.Float32 or PointType.IpAddr => 2,
        PointType.Int64 or PointType.UInt64 or PointType.Acc64 or PointType.Bitfield64 or PointType.Float64
            or PointType.Eui48 => 4,
        PointType.Ipv6Addr => 8,
        PointType.String => 0,
        _ => 1,
    };

    public static bool IsEnum(this PointType type) => type is PointType.Enum16 or PointType.Enum32;

    public static bool IsBitfield(this PointType type) => type is PointType.Bitfield16 or PointType.Bitfield32 or PointType.Bitfield64;

    /// <summary>Types whose value is a whole number (and so can carry a scale factor or symbols).</summary>
    public static bool IsInteger(this PointType type) => type switch
    {
        PointType.Float32 or PointType.Float64 or PointType.String or PointType.Pad
            or PointType.IpAddr or PointType.Ipv6Addr or PointType.Eui48 => false,
        _ => true,
    };
}
