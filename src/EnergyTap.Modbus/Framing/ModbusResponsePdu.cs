using System.Buffers.Binary;

namespace EnergyTap.Modbus.Framing;

/// <summary>
/// Checks response PDUs against the request they answer and extracts register values.
/// Throws <see cref="ModbusExceptionResponseException"/> for exception responses and
/// <see cref="ModbusProtocolException"/> for anything that does not match the request.
/// </summary>
public static class ModbusResponsePdu
{
    public static ushort[] ReadRegisters(ReadOnlySpan<byte> pdu, byte functionCode, ushort count)
    {
        CheckFunction(pdu, functionCode);
        var expectedBytes = count * 2;
        if (pdu.Length < 2 || pdu[1] != expectedBytes || pdu.Length != 2 + expectedBytes)
        {
            var announced = pdu.Length < 2 ? "none" : pdu[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new ModbusProtocolException($"function {functionCode} response has byte count {announced} and {pdu.Length} PDU bytes; expected {expectedBytes} data bytes for {count} registers");
        }

        var values = new ushort[count];
        ModbusRequestPdu.ReadRegisters(pdu[2..], values);
        return values;
    }

    public static void WriteSingle(ReadOnlySpan<byte> pdu, ushort address, ushort value) =>
        CheckEcho(pdu, ModbusFunctionCodes.WriteSingleRegister, address, value, "value");

    public static void WriteMultiple(ReadOnlySpan<byte> pdu, ushort address, ushort count) =>
        CheckEcho(pdu, ModbusFunctionCodes.WriteMultipleRegisters, address, count, "count");

    /// <summary>Throws if the PDU is an exception response or answers another function.</summary>
    public static void CheckFunction(ReadOnlySpan<byte> pdu, byte functionCode)
    {
        if (pdu.IsEmpty)
        {
            throw new ModbusProtocolException("short frame: response has no function code");
        }

        if (pdu[0] == (functionCode | ModbusFunctionCodes.ExceptionFlag))
        {
            if (pdu.Length != 2)
            {
                throw new ModbusProtocolException($"exception response to function {functionCode} has {pdu.Length} PDU bytes, not 2");
            }

            throw new ModbusExceptionResponseException(functionCode, (ModbusExceptionCode)pdu[1]);
        }

        if (pdu[0] != functionCode)
        {
            throw new ModbusProtocolException($"wrong function: response carries function {pdu[0]} to a function {functionCode} request");
        }
    }

    private static void CheckEcho(ReadOnlySpan<byte> pdu, byte functionCode, ushort address, ushort second, string secondName)
    {
        CheckFunction(pdu, functionCode);
        if (pdu.Length != 5)
        {
            throw new ModbusProtocolException($"function {functionCode} response has {pdu.Length} PDU bytes, not 5");
        }

        var echoedAddress = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var echoedSecond = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        if (echoedAddress != address || echoedSecond != second)
        {
            throw new ModbusProtocolException($"function {functionCode} response echoes address {echoedAddress} {secondName} {echoedSecond}; request had address {address} {secondName} {second}");
        }
    }
}
