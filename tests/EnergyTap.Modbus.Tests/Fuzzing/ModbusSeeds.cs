using EnergyTap.Modbus.Framing;

namespace EnergyTap.Modbus.Tests.Fuzzing;

/// <summary>Well-formed requests and responses of every function the stack speaks: the starting points for mutation.</summary>
internal static class ModbusSeeds
{
    public static IReadOnlyList<byte[]> RequestPdus { get; } =
    [
        Pdu(d => ModbusRequestPdu.Read(d, ModbusFunctionCodes.ReadHoldingRegisters, 0, 10)),
        Pdu(d => ModbusRequestPdu.Read(d, ModbusFunctionCodes.ReadInputRegisters, 2, 3)),
        Pdu(d => ModbusRequestPdu.WriteSingle(d, 5, 77)),
        Pdu(d => ModbusRequestPdu.WriteMultiple(d, 2, [1, 2, 3])),
        Pdu(d => ModbusRequestPdu.ReadWriteMultiple(d, 0, 4, 10, [9, 8])),
        [1, 0, 0, 0, 8], // read coils: a function the server does not implement
    ];

    /// <summary>Requests whose address plus count reaches the end of the 65536-register space.</summary>
    public static IReadOnlyList<byte[]> TopOfAddressSpacePdus { get; } =
    [
        Pdu(d => ModbusRequestPdu.Read(d, ModbusFunctionCodes.ReadHoldingRegisters, 65530, 6)),
        Pdu(d => ModbusRequestPdu.WriteMultiple(d, 65534, [1, 2])),
        Pdu(d => ModbusRequestPdu.ReadWriteMultiple(d, 65535, 1, 65533, [7, 7, 7])),
    ];

    public static IReadOnlyList<byte[]> ResponsePdus { get; } =
    [
        [3, 4, 0, 1, 0, 2],
        [4, 2, 0, 9],
        [6, 0, 5, 0, 77],
        [16, 0, 2, 0, 3],
        [23, 4, 0, 1, 0, 2],
        [0x83, 2],
    ];

    public static byte[] Frame(ModbusFraming framing, ReadOnlySpan<byte> pdu, ushort transactionId = 0, byte unitId = 1)
    {
        var codec = IModbusFrameCodec.For(framing);
        var frame = new byte[codec.MaxFrameLength];
        return frame[..codec.Encode(transactionId, unitId, pdu, frame)];
    }

    public static byte[] Pick(this Random random, IReadOnlyList<byte[]> seeds) => seeds[random.Next(seeds.Count)];

    private static byte[] Pdu(Func<byte[], int> build)
    {
        var pdu = new byte[ModbusFunctionCodes.MaxPduLength];
        return pdu[..build(pdu)];
    }
}
