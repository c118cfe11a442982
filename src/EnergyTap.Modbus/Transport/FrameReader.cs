using EnergyTap.Modbus.Framing;

namespace EnergyTap.Modbus.Transport;

/// <summary>
/// Reads whole frames from a byte stream. Bytes after a frame stay buffered for the next call,
/// so a frame's PDU (a slice of <see cref="Buffer"/>) is valid only until the next read.
/// </summary>
internal sealed class FrameReader(Stream stream, IModbusFrameCodec codec, bool readsRequests)
{
    private readonly byte[] buffer = new byte[codec.MaxFrameLength * 2];
    private int start;
    private int end;

    public ReadOnlySpan<byte> Buffer => buffer;

    /// <summary>Bytes received but not yet part of a returned frame.</summary>
    public int Buffered => end - start;

    /// <summary>
    /// The next frame, or null when the peer closed the connection between frames.
    /// Throws <see cref="ModbusProtocolException"/> when the bytes are not a valid frame (the stream is then out of step)
    /// and <see cref="ModbusConnectionException"/> when the peer closes in the middle of a frame.
    /// </summary>
    public async ValueTask<ModbusFrame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (end > start)
            {
                var pending = buffer.AsSpan(start, end - start);
                var result = readsRequests ? codec.DecodeRequest(pending) : codec.DecodeResponse(pending);
                if (result.Status == FrameDecodeStatus.Complete)
                {
                    var frame = result.Frame with { PduOffset = result.Frame.PduOffset + start };
                    start += result.Consumed;
                    return frame;
                }

                if (result.Status == FrameDecodeStatus.Invalid)
                {
                    throw new ModbusProtocolException(result.Error!);
                }
            }

            Compact();
            if (end == buffer.Length)
            {
                throw new ModbusProtocolException($"oversized frame: no complete frame within {buffer.Length} bytes");
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                if (end == start)
                {
                    return null;
                }

                throw new ModbusConnectionException($"connection closed by peer in the middle of a frame ({end - start} bytes received)");
            }

            end += read;
        }
    }

    /// <summary>Forgets buffered bytes, e.g. a partial frame from an abandoned exchange.</summary>
    public void Discard() => start = end = 0;

    private void Compact()
    {
        if (start == 0)
        {
            return;
        }

        buffer.AsSpan(start, end - start).CopyTo(buffer);
        end -= start;
        start = 0;
    }
}
