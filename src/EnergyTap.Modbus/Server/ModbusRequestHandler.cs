using System.Buffers.Binary;
using EnergyTap.Modbus.Framing;

namespace EnergyTap.Modbus.Server;

/// <summary>Answers one request PDU from the register map: decodes it, checks limits, calls the unit's bank.</summary>
internal sealed class ModbusRequestHandler(ModbusRegisterMap map, ModbusUnknownUnitResponse unknownUnits)
{
    /// <summary>Writes the response PDU and returns its length, or 0 when the request gets no answer.</summary>
    public int Handle(byte unitId, ReadOnlySpan<byte> request, Span<byte> response)
    {
        var function = request[0];
        if (!map.TryGetUnit(unitId, out var bank))
        {
            return unknownUnits == ModbusUnknownUnitResponse.Ignore ? 0 : Exception(response, function, ModbusExceptionCode.GatewayTargetFailedToRespond);
        }

        int length;
        var error = function switch
        {
            ModbusFunctionCodes.ReadHoldingRegisters => Read(bank, unitId, ModbusRegisterKind.Holding, request, response, out length),
            ModbusFunctionCodes.ReadInputRegisters => Read(bank, unitId, ModbusRegisterKind.Input, request, response, out length),
            ModbusFunctionCodes.WriteSingleRegister => WriteSingle(bank, unitId, request, response, out length),
            ModbusFunctionCodes.WriteMultipleRegisters => WriteMultiple(bank, unitId, request, response, out length),
            ModbusFunctionCodes.ReadWriteMultipleRegisters => ReadWrite(bank, unitId, request, response, out length),
            _ => Refuse(ModbusExceptionCode.IllegalFunction, out length),
        };
        return error is { } code ? Exception(response, function, code) : length;
    }

    private static ModbusExceptionCode? Read(ModbusRegisterBank bank, byte unitId, ModbusRegisterKind kind, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length != 5)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        var address = Word(request, 1);
        var count = Word(request, 3);
        if (count is < 1 or > ModbusFunctionCodes.MaxReadCount)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        var values = new ushort[count];
        if (bank.ReadForClient(unitId, kind, address, values) is { } refusal)
        {
            return refusal;
        }

        length = WriteReadResponse(response, request[0], values);
        return null;
    }

    private static ModbusExceptionCode? WriteSingle(ModbusRegisterBank bank, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (request.Length != 5)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        if (bank.WriteFromClient(unitId, request[0], Word(request, 1), [Word(request, 3)]) is { } refusal)
        {
            return refusal;
        }

        request.CopyTo(response);
        length = 5;
        return null;
    }

    private static ModbusExceptionCode? WriteMultiple(ModbusRegisterBank bank, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (WrittenValues(request, 6, ModbusFunctionCodes.MaxWriteCount) is not { } values)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        if (bank.WriteFromClient(unitId, request[0], Word(request, 1), values) is { } refusal)
        {
            return refusal;
        }

        request[..5].CopyTo(response);
        length = 5;
        return null;
    }

    private static ModbusExceptionCode? ReadWrite(ModbusRegisterBank bank, byte unitId, ReadOnlySpan<byte> request, Span<byte> response, out int length)
    {
        length = 0;
        if (WrittenValues(request, 10, ModbusFunctionCodes.MaxReadWriteWriteCount) is not { } written
            || Word(request, 3) is < 1 or > ModbusFunctionCodes.MaxReadCount)
        {
            return ModbusExceptionCode.IllegalDataValue;
        }

        var readCount = Word(request, 3);
        var values = new ushort[readCount];
        var readAddress = Word(request, 1);
        var writeAddress = Word(request, 5);
        ModbusExceptionCode? refusal = null;

        // The write and the read happen under one lock, as FC 23 promises.
        bank.Update(b => refusal = b.WriteFromClient(unitId, ModbusFunctionCodes.ReadWriteMultipleRegisters, writeAddress, written)
            ?? b.ReadForClient(unitId, ModbusRegisterKind.Holding, readAddress, values));
        if (refusal is not null)
        {
            return refusal;
        }

        length = WriteReadResponse(response, request[0], values);
        return null;
    }

    /// <summary>
    /// The values of FC 16 or FC 23, whose PDUs end with quantity (2 bytes), byte count (1 byte) and the values,
    /// starting at <paramref name="valuesOffset"/>; null when the counts disagree or exceed <paramref name="max"/>.
    /// </summary>
    private static ushort[]? WrittenValues(ReadOnlySpan<byte> request, int valuesOffset, int max)
    {
        if (request.Length < valuesOffset)
        {
            return null;
        }

        var count = Word(request, valuesOffset - 3);
        if (count < 1 || count > max || request[valuesOffset - 1] != count * 2 || request.Length != valuesOffset + (count * 2))
        {
            return null;
        }

        var values = new ushort[count];
        ModbusRequestPdu.ReadRegisters(request[valuesOffset..], values);
        return values;
    }

    private static int WriteReadResponse(Span<byte> response, byte function, ReadOnlySpan<ushort> values)
    {
        response[0] = function;
        response[1] = (byte)(values.Length * 2);
        ModbusRequestPdu.WriteRegisters(response[2..], values);
        return 2 + (values.Length * 2);
    }

    private static ModbusExceptionCode? Refuse(ModbusExceptionCode code, out int length)
    {
        length = 0;
        return code;
    }

    public static int Exception(Span<byte> response, byte function, ModbusExceptionCode code)
    {
        response[0] = (byte)(function | ModbusFunctionCodes.ExceptionFlag);
        response[1] = (byte)code;
        return 2;
    }

    private static ushort Word(ReadOnlySpan<byte> pdu, int offset) => BinaryPrimitives.ReadUInt16BigEndian(pdu[offset..]);
}
