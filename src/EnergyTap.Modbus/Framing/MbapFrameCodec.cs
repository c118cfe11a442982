using System.Buffers.Binary;

namespace EnergyTap.Modbus.Framing;

/// <summary>
/// Modbus TCP framing: MBAP header (transaction id, protocol id 0, length, unit id) then the PDU.
/// The length field counts the unit id and the PDU, so it lies between 2 and 254.
/// </summary>
public sealed class MbapFrameCodec : IModbusFrameCodec
{
    public const int HeaderLength = 7;

    public static MbapFrameCodec Instance { get; } = new();

    public int MaxFrameLength => HeaderLength + ModbusFunctionCodes.MaxPduLength;

    public bool HasTransactionIds => true;

    public int Encode(ushort transactionId, byte unitId, ReadOnlySpan<byte> pdu, Span<byte> destination)
    {
        if (pdu.Length is 0 or > ModbusFunctionCodes.MaxPduLength)
        {
            throw new ArgumentException($"a PDU has 1 to {ModbusFunctionCodes.MaxPduLength} bytes, not {pdu.Length}", nameof(pdu));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)(pdu.Length + 1));
        destination[6] = unitId;
        pdu.CopyTo(destination[HeaderLength..]);
        return HeaderLength + pdu.Length;
    }

    public FrameDecodeResult DecodeRequest(ReadOnlySpan<byte> buffer) => Decode(buffer);

    public FrameDecodeResult DecodeResponse(ReadOnlySpan<byte> buffer) => Decode(buffer);

    private static FrameDecodeResult Decode(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < HeaderLength)
        {
            return FrameDecodeResult.NeedMore;
        }

        var protocolId = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        if (protocolId != 0)
        {
            return FrameDecodeResult.Invalid($"MBAP protocol id is {protocolId}, not 0 (not a Modbus TCP stream?)");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(buffer[4..]);
        if (length < 2)
        {
            return FrameDecodeResult.Invalid($"short frame: MBAP length {length} leaves no function code");
        }

        if (length > ModbusFunctionCodes.MaxPduLength + 1)
        {
            return FrameDecodeResult.Invalid($"oversized frame: MBAP length {length} exceeds {ModbusFunctionCodes.MaxPduLength + 1}");
        }

        var total = 6 + length;
        if (buffer.Length < total)
        {
            return FrameDecodeResult.NeedMore;
        }

        var frame = new ModbusFrame(BinaryPrimitives.ReadUInt16BigEndian(buffer), buffer[6], HeaderLength, length - 1);
        return FrameDecodeResult.Complete(frame, total);
    }
}
