using System.Buffers.Binary;
using EnergyTap.Modbus.Framing;
using FsCheck;
using FsCheck.Fluent;

namespace EnergyTap.Modbus.Tests.Fuzzing;

/// <summary>Bytes that print as hex, so a failing generated case can be read and replayed by hand.</summary>
internal sealed record GeneratedBytes(byte[] Bytes)
{
    public override string ToString() => Convert.ToHexString(Bytes);
}

/// <summary>
/// FsCheck generators for Modbus traffic that is mostly well-formed: length, byte count, protocol id and CRC are
/// usually right and sometimes wrong, so generated cases get past the first check and into the deeper ones.
/// </summary>
internal static class ModbusGenerators
{
    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

    private static readonly Gen<bool> Usually = Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)));

    private static readonly Gen<byte> Function = Gen.Frequency(
        (4, Gen.Elements<byte>(3, 4, 6, 16, 23)),
        (1, Gen.Elements<byte>(0x83, 0x84, 0x86, 0x90, 0x97)),
        (1, AnyByte));

    /// <summary>Function code, a fixed-size header (addresses, counts), a byte count and that many data bytes.</summary>
    public static Gen<byte[]> Pdu { get; } =
        from function in Function
        from header in Gen.Elements(0, 1, 4, 8).SelectMany(n => Gen.ArrayOf(AnyByte, n))
        from data in Gen.Frequency((4, Gen.Choose(0, 12)), (1, Gen.Choose(0, 260))).SelectMany(n => Gen.ArrayOf(AnyByte, n))
        from honestCount in Usually
        from fakeCount in AnyByte
        select (byte[])[function, .. header, honestCount ? (byte)data.Length : fakeCount, .. data];

    /// <summary>One to three frames back to back, the last one possibly cut short.</summary>
    public static Gen<GeneratedBytes> Frame(ModbusFraming framing) =>
        from frames in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(framing == ModbusFraming.Tcp ? MbapFrame : RtuFrame, n))
        from cut in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 8)))
        let bytes = frames.SelectMany(f => f).ToArray()
        select new GeneratedBytes(bytes[..Math.Max(0, bytes.Length - cut)]);

    private static Gen<byte[]> MbapFrame =>
        from transactionId in Gen.Choose(0, 0xFFFF)
        from protocolId in Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(1, 0xFFFF)))
        from unit in AnyByte
        from pdu in Pdu
        from honestLength in Usually
        from fakeLength in Gen.Choose(0, 0xFFFF)
        select Mbap((ushort)transactionId, (ushort)protocolId, honestLength ? pdu.Length + 1 : fakeLength, unit, pdu);

    private static Gen<byte[]> RtuFrame =>
        from unit in AnyByte
        from pdu in Pdu
        from honestCrc in Usually
        from fakeCrc in Gen.Choose(0, 0xFFFF)
        select Rtu(unit, pdu, honestCrc ? null : (ushort)fakeCrc);

    private static byte[] Mbap(ushort transactionId, ushort protocolId, int length, byte unit, byte[] pdu)
    {
        var frame = new byte[MbapFrameCodec.HeaderLength + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), protocolId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)length);
        frame[6] = unit;
        pdu.CopyTo(frame, MbapFrameCodec.HeaderLength);
        return frame;
    }

    private static byte[] Rtu(byte unit, byte[] pdu, ushort? crc)
    {
        var frame = new byte[1 + pdu.Length + 2];
        frame[0] = unit;
        pdu.CopyTo(frame, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(frame.Length - 2), crc ?? ModbusCrc16.Compute(frame.AsSpan(0, frame.Length - 2)));
        return frame;
    }
}
