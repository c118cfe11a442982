using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Catalog.Builtin;

/// <summary>
/// The compact notation the built-in model files are written in: <c>P(name, type, flags, sf:, u:)</c> for a point,
/// <c>Group(name, count, points, groups)</c> / <c>Sync(...)</c> for groups and <c>Model(id, name, points, groups)</c>.
/// </summary>
internal static class Dsl
{
    [Flags]
    internal enum Attr
    {
        None = 0,
        RW = 1,
        M = 2,
        S = 4,
    }

    public const Attr RW = Attr.RW;
    public const Attr M = Attr.M;
    public const Attr S = Attr.S;

    public const PointType I16 = PointType.Int16;
    public const PointType I32 = PointType.Int32;
    public const PointType I64 = PointType.Int64;
    public const PointType U16 = PointType.UInt16;
    public const PointType U32 = PointType.UInt32;
    public const PointType U64 = PointType.UInt64;
    public const PointType A16 = PointType.Acc16;
    public const PointType A32 = PointType.Acc32;
    public const PointType A64 = PointType.Acc64;
    public const PointType R16 = PointType.Raw16;
    public const PointType B16 = PointType.Bitfield16;
    public const PointType B32 = PointType.Bitfield32;
    public const PointType B64 = PointType.Bitfield64;
    public const PointType E16 = PointType.Enum16;
    public const PointType E32 = PointType.Enum32;
    public const PointType F32 = PointType.Float32;
    public const PointType F64 = PointType.Float64;
    public const PointType Str = PointType.String;
    public const PointType Pad = PointType.Pad;
    public const PointType Ip = PointType.IpAddr;
    public const PointType Ip6 = PointType.Ipv6Addr;
    public const PointType Eui48 = PointType.Eui48;
    public const PointType Sf = PointType.SunSsf;
    public const PointType Cnt = PointType.Count;

    /// <summary>The DISABLED/ENABLED pair nearly every 7xx enable point uses.</summary>
    public static readonly (string, long)[] Ena = [("DISABLED", 0), ("ENABLED", 1)];

    public static PointDefinition P(
        string name, PointType type, Attr attr = Attr.None, string? sf = null, string? u = null,
        int size = 0, (string Name, long Value)[]? sym = null, long? value = null) =>
        new(name, type, size == 0 ? type.DefaultSize() : size)
        {
            ScaleFactor = sf is null ? null : ScaleFactorReference.Parse(sf),
            Units = u,
            Writable = attr.HasFlag(Attr.RW),
            Mandatory = attr.HasFlag(Attr.M),
            Static = attr.HasFlag(Attr.S),
            FixedValue = value,
            Symbols = sym is null ? [] : [.. sym.Select(s => new PointSymbol(s.Name, s.Value))],
        };

    public static GroupDefinition Group(string name, GroupCount count, PointDefinition[] points, params GroupDefinition[] groups) =>
        new(name, points, groups) { Count = count };

    public static GroupDefinition Sync(string name, PointDefinition[] points, params GroupDefinition[] groups) =>
        new(name, points, groups) { IsSync = true };

    public static ModelDefinition Model(int id, string name, PointDefinition[] points, params GroupDefinition[] groups) =>
        new(id, new GroupDefinition(name, points, groups));
}
