namespace EnergyTap.Modbus.Framing;

/// <summary>Turns PDUs into bytes on the wire and back, for one framing.</summary>
public interface IModbusFrameCodec
{
    /// <summary>The largest frame this codec produces or accepts, in bytes.</summary>
    int MaxFrameLength { get; }

    /// <summary>Whether frames carry a transaction id that matches requests to responses.</summary>
    bool HasTransactionIds { get; }

    /// <summary>Writes one frame into <paramref name="destination"/> and returns its length.</summary>
    int Encode(ushort transactionId, byte unitId, ReadOnlySpan<byte> pdu, Span<byte> destination);

    /// <summary>Decodes a request (server side) from the start of <paramref name="buffer"/>.</summary>
    FrameDecodeResult DecodeRequest(ReadOnlySpan<byte> buffer);

    /// <summary>Decodes a response (client side) from the start of <paramref name="buffer"/>.</summary>
    FrameDecodeResult DecodeResponse(ReadOnlySpan<byte> buffer);

    public static IModbusFrameCodec For(ModbusFraming framing) => framing switch
    {
        ModbusFraming.Tcp => MbapFrameCodec.Instance,
        ModbusFraming.RtuOverTcp => RtuFrameCodec.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(framing), framing, "unknown Modbus framing"),
    };
}
