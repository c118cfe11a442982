using EnergyTap.Modbus.Framing;

namespace EnergyTap.Modbus.Tests.Framing;

public sealed class FrameCodecTests
{
    [Fact]
    public void Crc_matches_the_specification_example()
    {
        // Read holding registers, unit 1, address 0, count 1: the well-known frame 01 03 00 00 00 01 84 0A.
        Assert.Equal(0x0A84, ModbusCrc16.Compute([1, 3, 0, 0, 0, 1]));
    }

    [Fact]
    public void Rtu_encodes_crc_low_byte_first()
    {
        var frame = new byte[16];
        var length = RtuFrameCodec.Instance.Encode(0, 1, [3, 0, 0, 0, 1], frame);

        Assert.Equal(new byte[] { 1, 3, 0, 0, 0, 1, 0x84, 0x0A }, frame[..length]);
    }

    [Fact]
    public void Mbap_round_trips()
    {
        var frame = new byte[32];
        var length = MbapFrameCodec.Instance.Encode(0x1234, 7, [3, 0, 10, 0, 2], frame);

        var result = MbapFrameCodec.Instance.DecodeRequest(frame.AsSpan(0, length));

        Assert.Equal(new byte[] { 0x12, 0x34, 0, 0, 0, 6, 7, 3, 0, 10, 0, 2 }, frame[..length]);
        Assert.Equal(FrameDecodeStatus.Complete, result.Status);
        Assert.Equal(length, result.Consumed);
        Assert.Equal((ushort)0x1234, result.Frame.TransactionId);
        Assert.Equal(7, result.Frame.UnitId);
        Assert.Equal(new byte[] { 3, 0, 10, 0, 2 }, result.Frame.Pdu(frame).ToArray());
    }

    [Fact]
    public void Every_prefix_of_a_frame_is_incomplete()
    {
        var mbap = new byte[32];
        var mbapLength = MbapFrameCodec.Instance.Encode(1, 1, [3, 4, 0, 1, 2], mbap);
        var rtu = new byte[32];
        var rtuLength = RtuFrameCodec.Instance.Encode(0, 1, [16, 0, 0, 0, 1, 2, 0xAB, 0xCD], rtu);

        for (var i = 0; i < mbapLength; i++)
        {
            Assert.Equal(FrameDecodeStatus.Incomplete, MbapFrameCodec.Instance.DecodeResponse(mbap.AsSpan(0, i)).Status);
        }

        for (var i = 0; i < rtuLength; i++)
        {
            Assert.Equal(FrameDecodeStatus.Incomplete, RtuFrameCodec.Instance.DecodeRequest(rtu.AsSpan(0, i)).Status);
        }

        Assert.Equal(FrameDecodeStatus.Complete, RtuFrameCodec.Instance.DecodeRequest(rtu.AsSpan(0, rtuLength)).Status);
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 0, 5, 0, 6, 1, 3 }, "protocol id is 5")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 0, 1 }, "short frame")]
    [InlineData(new byte[] { 0, 1, 0, 0, 1, 0, 1 }, "oversized frame")]
    public void Mbap_rejects_impossible_headers(byte[] bytes, string expected)
    {
        var result = MbapFrameCodec.Instance.DecodeResponse(bytes);

        Assert.Equal(FrameDecodeStatus.Invalid, result.Status);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtu_response_lengths_follow_the_function_code()
    {
        var frame = new byte[32];
        var read = RtuFrameCodec.Instance.Encode(0, 1, [3, 4, 0, 1, 0, 2], frame);
        Assert.Equal(read, RtuFrameCodec.Instance.DecodeResponse(frame.AsSpan(0, read + 3)).Consumed);

        var exception = RtuFrameCodec.Instance.Encode(0, 1, [0x83, 2], frame);
        Assert.Equal(5, exception);
        Assert.Equal(exception, RtuFrameCodec.Instance.DecodeResponse(frame.AsSpan(0, exception)).Consumed);

        var write = RtuFrameCodec.Instance.Encode(0, 1, [6, 0, 1, 0, 2], frame);
        Assert.Equal(write, RtuFrameCodec.Instance.DecodeResponse(frame.AsSpan(0, write)).Consumed);
    }

    [Fact]
    public void Rtu_rejects_a_bad_crc_and_an_unknown_response_function()
    {
        var frame = new byte[32];
        var length = RtuFrameCodec.Instance.Encode(0, 1, [3, 2, 0, 1], frame);
        frame[3] ^= 1;

        Assert.Contains("CRC mismatch", RtuFrameCodec.Instance.DecodeResponse(frame.AsSpan(0, length)).Error, StringComparison.Ordinal);
        Assert.Equal(FrameDecodeStatus.Invalid, RtuFrameCodec.Instance.DecodeResponse([1, 0x41, 0, 0]).Status);
    }

    [Fact]
    public void Rtu_request_with_an_unknown_function_is_framed_by_its_crc()
    {
        var frame = new byte[32];
        var length = RtuFrameCodec.Instance.Encode(0, 1, [1, 0, 0, 0, 8], frame);

        var result = RtuFrameCodec.Instance.DecodeRequest(frame.AsSpan(0, length));

        Assert.Equal(FrameDecodeStatus.Complete, result.Status);
        Assert.Equal(5, result.Frame.PduLength);
    }

    [Fact]
    public void Request_builders_refuse_counts_beyond_the_specification()
    {
        var pdu = new byte[300];

        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequestPdu.Read(pdu, 3, 0, 126));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequestPdu.Read(pdu, 3, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequestPdu.WriteMultiple(pdu, 0, new ushort[124]));
    }
}
