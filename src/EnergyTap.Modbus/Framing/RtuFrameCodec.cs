using System.Buffers.Binary;

namespace EnergyTap.Modbus.Framing;

/// <summary>
/// RTU framing over a byte stream: unit id, PDU, CRC-16 (low byte first). RTU has no length field,
/// so a frame's end follows from its function code (see <see cref="RtuPduLength"/>).
/// </summary>
public sealed class RtuFrameCodec : IModbusFrameCodec
{
    private const int CrcLength = 2;

    public static RtuFrameCodec Instance { get; } = new();

    public int MaxFrameLength => 1 + ModbusFunctionCodes.MaxPduLength + CrcLength;

    public bool HasTransactionIds => false;

    public int Encode(ushort transactionId, byte unitId, ReadOnlySpan<byte> pdu, Span<byte> destination)
    {
        if (pdu.Length is 0 or > ModbusFunctionCodes.MaxPduLength)
        {
            throw new ArgumentException($"a PDU has 1 to {ModbusFunctionCodes.MaxPduLength} bytes, not {pdu.Length}", nameof(pdu));
        }

        destination[0] = unitId;
        pdu.CopyTo(destination[1..]);
        var length = 1 + pdu.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[length..], ModbusCrc16.Compute(destination[..length]));
        return length + CrcLength;
    }

    public FrameDecodeResult DecodeRequest(ReadOnlySpan<byte> buffer) => Decode(buffer, isRequest: true);

    public FrameDecodeResult DecodeResponse(ReadOnlySpan<byte> buffer) => Decode(buffer, isRequest: false);

    private FrameDecodeResult Decode(ReadOnlySpan<byte> buffer, bool isRequest)
    {
        if (buffer.Length < 2)
        {
            return FrameDecodeResult.NeedMore;
        }

        var pdu = buffer[1..];
        var pduLength = isRequest ? RtuPduLength.OfRequest(pdu) : RtuPduLength.OfResponse(pdu);
        if (pduLength == RtuPduLength.UnknownFunction)
        {
            return isRequest ? DecodeUnknownRequest(buffer) : FrameDecodeResult.Invalid($"function {pdu[0]} is not one this client sent; cannot find the frame's end");
        }

        if (pduLength == RtuPduLength.NeedMore)
        {
            return FrameDecodeResult.NeedMore;
        }

        if (pduLength > ModbusFunctionCodes.MaxPduLength)
        {
            return FrameDecodeResult.Invalid($"oversized frame: PDU of {pduLength} bytes exceeds {ModbusFunctionCodes.MaxPduLength}");
        }

        var total = 1 + pduLength + CrcLength;
        if (buffer.Length < total)
        {
            return FrameDecodeResult.NeedMore;
        }

        return CheckCrc(buffer[..total]) ?? FrameDecodeResult.Complete(new ModbusFrame(0, buffer[0], 1, pduLength), total);
    }

    /// <summary>
    /// A request with a function we do not implement still deserves an ILLEGAL FUNCTION answer.
    /// Its length is unknown, so take everything received so far if its CRC checks out.
    /// </summary>
    private FrameDecodeResult DecodeUnknownRequest(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > MaxFrameLength)
        {
            return FrameDecodeResult.Invalid($"function {buffer[1]} unknown and no valid CRC within {MaxFrameLength} bytes");
        }

        if (buffer.Length < 4 || CheckCrc(buffer) is not null)
        {
            return FrameDecodeResult.NeedMore;
        }

        return FrameDecodeResult.Complete(new ModbusFrame(0, buffer[0], 1, buffer.Length - 1 - CrcLength), buffer.Length);
    }

    private static FrameDecodeResult? CheckCrc(ReadOnlySpan<byte> frame)
    {
        var body = frame[..^CrcLength];
        var expected = ModbusCrc16.Compute(body);
        var actual = BinaryPrimitives.ReadUInt16LittleEndian(frame[^CrcLength..]);
        return expected == actual ? null : FrameDecodeResult.Invalid($"CRC mismatch: frame says 0x{actual:X4}, computed 0x{expected:X4}");
    }
}
