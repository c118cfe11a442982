namespace EnergyTap.Modbus.Framing;

/// <summary>
/// One decoded frame: where its PDU sits in the buffer it was decoded from.
/// RTU frames carry no transaction id; theirs is 0.
/// </summary>
public readonly record struct ModbusFrame(ushort TransactionId, byte UnitId, int PduOffset, int PduLength)
{
    public ReadOnlySpan<byte> Pdu(ReadOnlySpan<byte> buffer) => buffer.Slice(PduOffset, PduLength);
}

public enum FrameDecodeStatus
{
    /// <summary>The buffer holds the start of a frame; read more bytes.</summary>
    Incomplete,

    /// <summary>A whole frame was decoded.</summary>
    Complete,

    /// <summary>The bytes cannot be a valid frame; the stream is out of step and must be dropped.</summary>
    Invalid,
}

/// <summary>The outcome of decoding: a frame and how many bytes it used, or why the bytes are not one.</summary>
public readonly record struct FrameDecodeResult(FrameDecodeStatus Status, ModbusFrame Frame, int Consumed, string? Error)
{
    public static FrameDecodeResult NeedMore { get; } = new(FrameDecodeStatus.Incomplete, default, 0, null);

    public static FrameDecodeResult Invalid(string error) => new(FrameDecodeStatus.Invalid, default, 0, error);

    public static FrameDecodeResult Complete(ModbusFrame frame, int consumed) => new(FrameDecodeStatus.Complete, frame, consumed, null);
}
