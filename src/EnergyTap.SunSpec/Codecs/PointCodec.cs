using System.Buffers.Binary;
using System.Net;
using System.Text;
using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Codecs;

/// <summary>
/// Turns a point's registers into its unscaled value and back. Decoded values are <see cref="long"/> for
/// whole numbers (<see cref="ulong"/> for 64-bit unsigned values above <see cref="long.MaxValue"/>),
/// <see cref="double"/> for floats, <see cref="string"/> for strings and addresses, and null for a
/// "not implemented" value or a pad.
/// </summary>
public static class PointCodec
{
    /// <summary>The unscaled value of a point, or null when the device marks it not implemented.</summary>
    public static object? Decode(PointType type, ReadOnlySpan<ushort> registers)
    {
        if (type.IsInteger())
        {
            return DecodeWhole(type, registers);
        }

        return type switch
        {
            PointType.Float32 => DecodeFloat32(registers),
            PointType.Float64 => DecodeFloat64(registers),
            PointType.String => DecodeString(registers),
            PointType.IpAddr => DecodeIpv4(registers),
            PointType.Ipv6Addr => DecodeIpv6(registers),
            PointType.Eui48 => DecodeEui48(registers),
            _ => null,
        };
    }

    /// <summary>
    /// A whole-number point without boxing: false when the value is "not implemented" or does not fit a long
    /// (only possible for 64-bit unsigned types).
    /// </summary>
    public static bool TryDecodeInteger(PointType type, ReadOnlySpan<ushort> registers, out long value)
    {
        switch (DecodeWhole(type, registers))
        {
            case long l:
                value = l;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static object? DecodeWhole(PointType type, ReadOnlySpan<ushort> r)
    {
        switch (type)
        {
            case PointType.Int16 or PointType.SunSsf:
                return r[0] == 0x8000 ? null : (long)(short)r[0];
            case PointType.UInt16 or PointType.Enum16 or PointType.Bitfield16 or PointType.Count:
                return r[0] == 0xFFFF ? null : (long)r[0];
            case PointType.Acc16:
                return r[0] == 0 ? null : (long)r[0];
            case PointType.Raw16:
                return (long)r[0];
            case PointType.Int32:
                var i32 = (int)Join32(r);
                return i32 == int.MinValue ? null : (long)i32;
            case PointType.UInt32 or PointType.Enum32 or PointType.Bitfield32:
                var u32 = Join32(r);
                return u32 == uint.MaxValue ? null : (long)u32;
            case PointType.Acc32:
                var a32 = Join32(r);
                return a32 == 0 ? null : (long)a32;
            case PointType.Int64:
                var i64 = (long)Join64(r);
                return i64 == long.MinValue ? null : i64;
            case PointType.UInt64 or PointType.Bitfield64:
                var u64 = Join64(r);
                return u64 == ulong.MaxValue ? null : Narrow(u64);
            case PointType.Acc64:
                var a64 = Join64(r);
                return a64 == 0 ? null : Narrow(a64);
            default:
                return null;
        }
    }

    private static object Narrow(ulong value) => value <= long.MaxValue ? (long)value : value;

    private static uint Join32(ReadOnlySpan<ushort> r) => (uint)r[0] << 16 | r[1];

    private static ulong Join64(ReadOnlySpan<ushort> r) => (ulong)Join32(r) << 32 | Join32(r[2..]);

    private static object? DecodeFloat32(ReadOnlySpan<ushort> r)
    {
        var value = BitConverter.UInt32BitsToSingle(Join32(r));
        if (float.IsNaN(value))
        {
            return null;
        }

        // Widen through decimal so 0.1f reads as 0.1, not 0.10000000149011612.
        return Math.Abs(value) < 1e27f ? (double)(decimal)value : value;
    }

    private static object? DecodeFloat64(ReadOnlySpan<ushort> r)
    {
        var value = BitConverter.UInt64BitsToDouble(Join64(r));
        return double.IsNaN(value) ? null : value;
    }

    private static string? DecodeString(ReadOnlySpan<ushort> r)
    {
        Span<byte> bytes = stackalloc byte[r.Length * 2];
        for (var i = 0; i < r.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes[(2 * i)..], r[i]);
        }

        var end = bytes.IndexOf((byte)0);
        if (end == 0)
        {
            return null;
        }

        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]).TrimEnd();
    }

    private static string? DecodeIpv4(ReadOnlySpan<ushort> r)
    {
        var value = Join32(r);
        return value == 0 ? null : $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}";
    }

    private static string? DecodeIpv6(ReadOnlySpan<ushort> r)
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes[(2 * i)..], r[i]);
        }

        return bytes.ContainsAnyExcept((byte)0) ? new IPAddress(bytes).ToString() : null;
    }

    /// <summary>EUI-48 sits in the low 48 bits of its four registers.</summary>
    private static string? DecodeEui48(ReadOnlySpan<ushort> r)
    {
        var value = Join64(r) & 0xFFFF_FFFF_FFFF;
        if (value == 0xFFFF_FFFF_FFFF)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        var hex = Convert.ToHexString(bytes[2..]);
        return string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(2 * i, 2)));
    }
}
