using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Codecs;

/// <summary>
/// Writes an unscaled value into a point's registers, refusing values its type cannot hold.
/// Null writes the type's "not implemented" value.
/// </summary>
public static class PointEncoder
{
    public static ushort[] Encode(string pointName, PointType type, int size, object? value)
    {
        var registers = new ushort[size];
        Encode(pointName, type, value, registers);
        return registers;
    }

    public static void Encode(string pointName, PointType type, object? value, Span<ushort> destination)
    {
        destination.Clear();
        if (value is null)
        {
            WriteNotImplemented(type, destination);
            return;
        }

        switch (type)
        {
            case PointType.Pad:
                return;
            case PointType.String:
                WriteString(pointName, AsText(pointName, value), destination);
                return;
            case PointType.Float32:
                var f = AsDouble(pointName, value);
                if (double.IsFinite(f) && Math.Abs(f) > float.MaxValue)
                {
                    throw OutOfRange(pointName, value, type);
                }

                Split32(BitConverter.SingleToUInt32Bits((float)f), destination);
                return;
            case PointType.Float64:
                Split64(BitConverter.DoubleToUInt64Bits(AsDouble(pointName, value)), destination);
                return;
            case PointType.IpAddr:
                Split32(BinaryPrimitives.ReadUInt32BigEndian(ParseAddress(pointName, value, AddressFamily.InterNetwork)), destination);
                return;
            case PointType.Ipv6Addr:
                var v6 = ParseAddress(pointName, value, AddressFamily.InterNetworkV6);
                for (var i = 0; i < 8; i++)
                {
                    destination[i] = BinaryPrimitives.ReadUInt16BigEndian(v6.AsSpan(2 * i));
                }

                return;
            case PointType.Eui48:
                Split64(ParseEui48(pointName, value), destination);
                return;
            default:
                WriteWhole(pointName, type, value, destination);
                return;
        }
    }

    /// <summary>The smallest and largest value a whole-number type can carry (its "not implemented" value excluded).</summary>
    public static (decimal Min, decimal Max) Range(PointType type) => type switch
    {
        PointType.Int16 => (-short.MaxValue, short.MaxValue),
        PointType.SunSsf => (-10, 10),
        PointType.UInt16 or PointType.Enum16 or PointType.Bitfield16 or PointType.Count => (0, ushort.MaxValue - 1),
        PointType.Acc16 or PointType.Raw16 => (0, ushort.MaxValue),
        PointType.Int32 => (-int.MaxValue, int.MaxValue),
        PointType.UInt32 or PointType.Enum32 or PointType.Bitfield32 => (0, uint.MaxValue - 1),
        PointType.Acc32 => (0, uint.MaxValue),
        PointType.Int64 => (-long.MaxValue, long.MaxValue),
        PointType.UInt64 or PointType.Bitfield64 => (0, ulong.MaxValue - 1),
        PointType.Acc64 => (0, ulong.MaxValue),
        _ => (0, 0),
    };

    private static void WriteWhole(string pointName, PointType type, object value, Span<ushort> destination)
    {
        var number = AsDecimal(pointName, value);
        if (number != decimal.Truncate(number))
        {
            throw new SunSpecValueException($"{pointName}: {Show(value)} is not a whole number ({type.SchemaName()} holds whole numbers only)");
        }

        var (min, max) = Range(type);
        if (number < min || number > max)
        {
            throw OutOfRange(pointName, value, type);
        }

        switch (type.DefaultSize())
        {
            case 1:
                destination[0] = unchecked((ushort)(long)number);
                break;
            case 2:
                Split32(unchecked((uint)(long)number), destination);
                break;
            default:
                Split64(number < 0 ? unchecked((ulong)(long)number) : (ulong)number, destination);
                break;
        }
    }

    private static void WriteNotImplemented(PointType type, Span<ushort> destination)
    {
        switch (type)
        {
            case PointType.Int16 or PointType.SunSsf or PointType.Int32 or PointType.Int64:
                destination[0] = 0x8000;
                break;
            case PointType.UInt16 or PointType.Enum16 or PointType.Bitfield16 or PointType.Count or PointType.Raw16
                or PointType.UInt32 or PointType.Enum32 or PointType.Bitfield32 or PointType.UInt64 or PointType.Bitfield64
                or PointType.Eui48:
                destination.Fill(0xFFFF);
                break;
            case PointType.Float32:
                Split32(0x7FC00000, destination);
                break;
            case PointType.Float64:
                Split64(BitConverter.DoubleToUInt64Bits(double.NaN), destination);
                break;
            default:
                break; // accumulators, addresses, strings and pads: all zero
        }
    }

    private static void WriteString(string pointName, string text, Span<ushort> destination)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > destination.Length * 2)
        {
            throw new SunSpecValueException($"{pointName}: \"{text}\" is {bytes.Length} bytes; the point holds {destination.Length * 2}");
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            destination[i / 2] |= (ushort)(i % 2 == 0 ? bytes[i] << 8 : bytes[i]);
        }
    }

    private static void Split32(uint value, Span<ushort> destination)
    {
        destination[0] = (ushort)(value >> 16);
        destination[1] = (ushort)value;
    }

    private static void Split64(ulong value, Span<ushort> destination)
    {
        Split32((uint)(value >> 32), destination);
        Split32((uint)value, destination[2..]);
    }

    private static byte[] ParseAddress(string pointName, object value, AddressFamily family)
    {
        if (IPAddress.TryParse(AsText(pointName, value), out var address) && address.AddressFamily == family)
        {
            return address.GetAddressBytes();
        }

        throw new SunSpecValueException($"{pointName}: {Show(value)} is not an {(family == AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address");
    }

    private static ulong ParseEui48(string pointName, object value)
    {
        var hex = AsText(pointName, value).Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (hex.Length == 12 && ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var eui))
        {
            return eui;
        }

        throw new SunSpecValueException($"{pointName}: {Show(value)} is not an EUI-48 (like 00:1A:2B:3C:4D:5E)");
    }

    internal static decimal AsDecimal(string pointName, object value)
    {
        try
        {
            return value switch
            {
                string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                double d => (decimal)d,
                float f => (decimal)f,
                IConvertible c => c.ToDecimal(CultureInfo.InvariantCulture),
                _ => throw new FormatException(),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException)
        {
            throw new SunSpecValueException($"{pointName}: {Show(value)} is not a number");
        }
    }

    private static double AsDouble(string pointName, object value) => value switch
    {
        double d => d,
        float f => f,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => (double)AsDecimal(pointName, value),
    };

    private static string AsText(string pointName, object value) =>
        value as string ?? throw new SunSpecValueException($"{pointName}: expects text, got {Show(value)}");

    private static SunSpecValueException OutOfRange(string pointName, object value, PointType type)
    {
        var (min, max) = Range(type);
        var range = type is PointType.Float32 ? $"±{float.MaxValue}" : $"{min}..{max}";
        return new($"{pointName}: {Show(value)} is outside the {type.SchemaName()} range {range}");
    }

    internal static string Show(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
