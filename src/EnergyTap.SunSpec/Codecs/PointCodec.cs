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
            return Box(type, registers);
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
    public static bool TryDecodeInteger(PointType type, ReadOnlySpan<ushort> registers, out long value) =>
        DecodeWhole(type, registers, out value, out _) == Whole.Long;

    private enum Whole
    {
        NotImplemented,
        Long,
        ULong,
    }

    private static object? Box(PointType type, ReadOnlySpan<ushort> registers) =>
        DecodeWhole(type, registers, out var value, out var big) switch
        {
            Whole.Long => value,
            Whole.ULong => big,
            _ => null,
        };

    private static Whole DecodeWhole(PointType type, ReadOnlySpan<ushort> r, out long value, out ulong big)
    {
        big = 0;
        bool implemented;
        switch (type)
        {
            case PointType.Int16 or PointType.SunSsf:
                value = (short)r[0];
                implemented = r[0] != 0x8000;
                break;
            case PointType.UInt16 or PointType.Enum16 or PointType.Bitfield16 or PointType.Count:
                value = r[0];
                implemented = r[0] != 0xFFFF;
                break;
            case PointType.Acc16:
                value = r[0];
                implemented = r[0] != 0;
                break;
            case PointType.Raw16:
                value = r[0];
                implemented = true;
                break;
            case PointType.Int32:
                value = (int)Join32(r);
                implemented = value != int.MinValue;
                break;
            case PointType.UInt32 or PointType.Enum32 or PointType.Bitfield32:
                value = Join32(r);
                implemented = value != uint.MaxValue;
                break;
            case PointType.Acc32:
                value = Join32(r);
                implemented = value != 0;
                break;
            case PointType.Int64:
                value = (long)Join64(r);
                implemented = value != long.MinValue;
                break;
            case PointType.UInt64 or PointType.Bitfield64 or PointType.Acc64:
                big = Join64(r);
                value = unchecked((long)big);
                implemented = type == PointType.Acc64 ? big != 0 : big != ulong.MaxValue;
                if (implemented && big > long.MaxValue)
                {
                    return Whole.ULong;
                }

                break;
            default:
                value = 0;
                implemented = false;
                break;
        }

        return implemented ? Whole.Long : Whole.NotImplemented;
    }

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
