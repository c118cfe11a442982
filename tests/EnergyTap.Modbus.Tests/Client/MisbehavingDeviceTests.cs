using System.Net;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Client;

/// <summary>The client against a raw-socket device that breaks the protocol in one way per test.</summary>
public sealed class MisbehavingDeviceTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Wrong_transaction_id_is_a_protocol_error_and_the_client_reconnects()
    {
        await using var peer = FakePeer.MisbehavingOnce(async (stream, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap((ushort)(request.TransactionId + 7), 1, FakePeer.ReadResponse(3, 42)), ct);
            await FakePeer.ReadMbapRequestAsync(stream, ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        var error = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        Assert.Contains("wrong transaction id", error.Message, StringComparison.Ordinal);
        Assert.Equal([10, 11], await client.ReadHoldingRegistersAsync(1, 10, 2));
        Assert.Equal(1, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Wrong_function_is_a_protocol_error_and_the_connection_stays()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap(request.TransactionId, 1, FakePeer.ReadResponse(4, 42)), ct);
            await FakePeer.EchoAddressesAsync(stream, ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        var error = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        Assert.Contains("wrong function", error.Message, StringComparison.Ordinal);
        Assert.Equal([3], await client.ReadHoldingRegistersAsync(1, 3, 1));
        Assert.Equal(0, client.Statistics.Reconnects);
    }

    [Theory]
    [InlineData(1, "short frame")]
    [InlineData(300, "oversized frame")]
    public async Task Impossible_MBAP_length_is_a_protocol_error(int length, string expected)
    {
        await using var peer = FakePeer.MisbehavingOnce(async (stream, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            var frame = FakePeer.Mbap(request.TransactionId, 1, FakePeer.ReadResponse(3, 1));
            frame[4] = (byte)(length >> 8);
            frame[5] = (byte)length;
            await stream.WriteAsync(frame, ct);
            await FakePeer.ReadMbapRequestAsync(stream, ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        var error = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal([5], await client.ReadHoldingRegistersAsync(1, 5, 1));
    }

    [Fact]
    public async Task Byte_count_that_does_not_match_the_request_is_a_protocol_error()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap(request.TransactionId, 1, FakePeer.ReadResponse(3, 1, 2, 3)), ct);
            await FakePeer.EchoAddressesAsync(stream, ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 0, 2));

        Assert.Equal([8, 9], await client.ReadHoldingRegistersAsync(1, 8, 2));
    }

    [Fact]
    public async Task Exception_response_carries_code_and_name()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap(request.TransactionId, 1, 0x86, 6), ct);
            await FakePeer.EchoAddressesAsync(stream, ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.WriteSingleRegisterAsync(1, 0, 1));

        Assert.Equal(ModbusExceptionCode.ServerDeviceBusy, error.Code);
        Assert.Equal(6, error.FunctionCode);
        Assert.Contains("SERVER DEVICE BUSY", error.Message, StringComparison.Ordinal);
        Assert.Equal([1], await client.ReadHoldingRegistersAsync(1, 1, 1));
    }

    [Fact]
    public async Task Silence_times_out_and_a_late_answer_is_not_taken_for_the_next_request()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var first = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            var second = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;

            // The answer to the timed-out request arrives just before the real one, split across writes.
            var late = FakePeer.Mbap(first.TransactionId, 1, FakePeer.ReadResponse(3, 0xDEAD));
            await stream.WriteAsync(late.AsMemory(0, 4), ct);
            await stream.FlushAsync(ct);
            await stream.WriteAsync(late.AsMemory(4), ct);
            await stream.WriteAsync(FakePeer.Mbap(second.TransactionId, 1, FakePeer.ReadResponse(3, 0x0BEE)), ct);
            await FakePeer.EchoAddressesAsync(stream, ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        var timeout = await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        var answer = await client.ReadHoldingRegistersAsync(1, 0, 1);

        Assert.Contains("within 1 s", timeout.Message, StringComparison.Ordinal);
        Assert.Equal([0x0BEE], answer);
        Assert.Equal(1, client.Statistics.StaleResponses);
        Assert.Equal(1, client.Statistics.Timeouts);
        Assert.Equal(0, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Repeated_silence_reopens_the_connection()
    {
        await using var peer = FakePeer.MisbehavingOnce(async (stream, ct) =>
        {
            while (await FakePeer.ReadMbapRequestAsync(stream, ct) is not null)
            {
                // A dead device: takes requests, never answers.
            }
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        Assert.Equal([4], await client.ReadHoldingRegistersAsync(1, 4, 1));
        Assert.Equal(1, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Peer_closing_mid_frame_is_a_connection_error_and_the_next_request_reconnects()
    {
        await using var peer = FakePeer.MisbehavingOnce(async (stream, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap(request.TransactionId, 1, FakePeer.ReadResponse(3, 1, 2)).AsMemory(0, 9), ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        var error = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 2));

        Assert.Contains("middle of a frame", error.Message, StringComparison.Ordinal);
        Assert.Equal([6, 7], await client.ReadHoldingRegistersAsync(1, 6, 2));
        Assert.Equal(1, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Peer_that_drops_an_idle_connection_is_reconnected_without_an_error()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap(request.TransactionId, 1, FakePeer.ReadResponse(3, (ushort)index)), ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: Short);

        Assert.Equal([0], await client.ReadHoldingRegistersAsync(1, 0, 1));
        await Task.Delay(100); // lets the peer's hang-up reach our socket
        Assert.Equal([1], await client.ReadHoldingRegistersAsync(1, 0, 1));
        Assert.Equal(0, client.Statistics.Errors);
    }

    [Fact]
    public async Task Refused_connection_is_a_connection_error_then_backs_off()
    {
        var port = FreePort();
        var clock = new ManualTimeProvider();
        await using var client = new ModbusTcpClient(new ModbusClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            RequestTimeout = Short,
            ReconnectBackoff = TimeSpan.FromSeconds(1),
            TimeProvider = clock,
        });

        var refused = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        var waiting = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        clock.Advance(TimeSpan.FromSeconds(1));
        var doubled = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        Assert.Contains($"cannot connect to 127.0.0.1:{port}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("next attempt in 1 s after 1 failed attempt", waiting.Message, StringComparison.Ordinal);
        Assert.Contains("next attempt in 1 s after 2 failed attempt", doubled.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
