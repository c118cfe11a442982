using System.Buffers.Binary;

namespace EnergyTap.Modbus.Framing;

/// <summary>Builds request PDUs (function code and data, no framing). Each method returns the PDU length.</summary>
public static class ModbusRequestPdu
{
    public static int Read(Span<byte> destination, byte functionCode, ushort address, ushort count)
    {
        CheckCount(count, ModbusFunctionCodes.MaxReadCount, "read");
        destination[0] = functionCode;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], count);
        return 5;
    }

    public static int WriteSingle(Span<byte> destination, ushort address, ushort value)
    {
        destination[0] = ModbusFunctionCodes.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], value);
        return 5;
    }

    public static int WriteMultiple(Span<byte> destination, ushort address, ReadOnlySpan<ushort> values)
    {
        CheckCount(values.Length, ModbusFunctionCodes.MaxWriteCount, "write");
        destination[0] = ModbusFunctionCodes.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], (ushort)values.Length);
        destination[5] = (byte)(values.Length * 2);
        WriteRegisters(destination[6..], values);
        return 6 + (values.Length * 2);
    }

    public static int ReadWriteMultiple(Span<byte> destination, ushort readAddress, ushort readCount, ushort writeAddress, ReadOnlySpan<ushort> values)
    {
        CheckCount(readCount, ModbusFunctionCodes.MaxReadCount, "read");
        CheckCount(values.Length, ModbusFunctionCodes.MaxReadWriteWriteCount, "write");
        destination[0] = ModbusFunctionCodes.ReadWriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], readAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], readCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[5..], writeAddress);
        BinaryPrimitives.WriteUInt16BigEndian(destination[7..], (ushort)values.Length);
        destination[9] = (byte)(values.Length * 2);
        WriteRegisters(destination[10..], values);
        return 10 + (values.Length * 2);
    }

    internal static void WriteRegisters(Span<byte> destination, ReadOnlySpan<ushort> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(i * 2)..], values[i]);
        }
    }

    internal static void ReadRegisters(ReadOnlySpan<byte> source, Span<ushort> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16BigEndian(source[(i * 2)..]);
        }
    }

    private static void CheckCount(int count, int max, string what)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a Modbus {what} covers 1 to {max} registers");
        }
    }
}
