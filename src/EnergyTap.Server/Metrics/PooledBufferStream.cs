using System.Buffers;

namespace EnergyTap.Server.Metrics;

/// <summary>
/// A write-only stream that keeps what is written in pooled 64 KiB segments, so rendering a scrape does not
/// allocate (and regrow) one large array per request. Dispose returns the segments to the pool.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private const int SegmentSize = 64 * 1024;
    private readonly List<byte[]> _segments = [];
    private int _lastUsed = SegmentSize;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_lastUsed == SegmentSize)
            {
                _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
                _lastUsed = 0;
            }

            var chunk = Math.Min(buffer.Length, SegmentSize - _lastUsed);
            buffer[..chunk].CopyTo(_segments[^1].AsSpan(_lastUsed));
            _lastUsed += chunk;
            _length += chunk;
            buffer = buffer[chunk..];
        }
    }

    /// <summary>Copies everything written so far to <paramref name="destination"/>.</summary>
    public async Task DrainToAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _segments.Count; i++)
        {
            var used = i == _segments.Count - 1 ? _lastUsed : SegmentSize;
            await destination.WriteAsync(_segments[i].AsMemory(0, used), cancellationToken);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        base.Dispose(disposing);
    }
}
