using System.Net.Sockets;
using EnergyTap.Modbus.Framing;
using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Server;

/// <summary>Our server against raw sockets that send garbage, hang up mid-frame or crowd in.</summary>
public sealed class MisbehavingClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(new byte[] { 0x47, 0x45, 0x54, 0x20, 0x2F, 0x20, 0x48, 0x54, 0x54, 0x50 })] // "GET / HTTP"
    [InlineData(new byte[] { 0, 1, 0, 0, 0x01, 0x00, 1, 3 })] // MBAP length 256
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 1 })] // MBAP length 1: no function code
    public async Task Garbage_ends_only_that_connection(byte[] garbage)
    {
        await using var server = await TestServer.StartAsync();
        await using var client = TestServer.ClientFor(server.LocalEndpoint);
        Assert.Equal([1000], await client.ReadHoldingRegistersAsync(1, 0, 1));

        using var vandal = await ConnectAsync(server);
        await vandal.GetStream().WriteAsync(garbage);

        Assert.Equal(0, await ReadUntilClosedAsync(vandal));
        Assert.Equal(1, server.Statistics.BadFrames);
        Assert.Equal([1001], await client.ReadHoldingRegistersAsync(1, 1, 1));
        await using var another = TestServer.ClientFor(server.LocalEndpoint);
        Assert.Equal([1002], await another.ReadHoldingRegistersAsync(1, 2, 1));
    }

    [Fact]
    public async Task Rtu_frame_with_bad_crc_ends_the_connection()
    {
        await using var server = await TestServer.StartAsync(ModbusFraming.RtuOverTcp);
        using var vandal = await ConnectAsync(server);
        var frame = new byte[8];
        var length = RtuFrameCodec.Instance.Encode(0, 1, [3, 0, 0, 0, 1], frame);
        frame[length - 1] ^= 0xFF;

        await vandal.GetStream().WriteAsync(frame.AsMemory(0, length));

        Assert.Equal(0, await ReadUntilClosedAsync(vandal));
        await using var client = TestServer.ClientFor(server.LocalEndpoint, ModbusFraming.RtuOverTcp);
        Assert.Equal([1000], await client.ReadHoldingRegistersAsync(1, 0, 1));
    }

    [Fact]
    public async Task Client_hanging_up_mid_frame_leaves_the_server_serving()
    {
        await using var server = await TestServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            using var quitter = await ConnectAsync(server);
            await quitter.GetStream().WriteAsync(new byte[] { 0, 1, 0, 0, 0, 6, 1, 3 });
        }

        await using var client = TestServer.ClientFor(server.LocalEndpoint);
        Assert.Equal([1003], await client.ReadHoldingRegistersAsync(1, 3, 1));
    }

    [Fact]
    public async Task Unsupported_function_gets_exception_1()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = await ConnectAsync(server);

        await raw.GetStream().WriteAsync(FakePeer.Mbap(9, 1, 1, 0, 0, 0, 8)); // FC 1, read coils
        var answer = new byte[9];
        await raw.GetStream().ReadExactlyAsync(answer).AsTask().WaitAsync(Patience);

        Assert.Equal(FakePeer.Mbap(9, 1, 0x81, 1), answer);
    }

    [Theory]
    [InlineData(new byte[] { 16, 0, 1, 0, 2, 3, 0, 1, 0, 2 }, 16)] // byte count 3 for 2 registers
    [InlineData(new byte[] { 16, 0, 1, 0, 0, 0 }, 16)] // zero registers
    [InlineData(new byte[] { 3, 0, 1, 0, 126 }, 3)] // more than 125
    [InlineData(new byte[] { 23, 0, 0, 0, 0, 0, 1, 0, 1, 2, 0, 9 }, 23)] // read count 0
    public async Task Inconsistent_counts_get_exception_3(byte[] pdu, byte function)
    {
        await using var server = await TestServer.StartAsync();
        using var raw = await ConnectAsync(server);

        await raw.GetStream().WriteAsync(FakePeer.Mbap(5, 1, pdu));
        var answer = new byte[9];
        await raw.GetStream().ReadExactlyAsync(answer).AsTask().WaitAsync(Patience);

        Assert.Equal(FakePeer.Mbap(5, 1, (byte)(function | 0x80), 3), answer);
        Assert.Equal([1000, 1001], server.Registers[1].Get(ModbusRegisterKind.Holding, 0, 2));
    }

    [Fact]
    public async Task Pipelined_requests_are_answered_in_order()
    {
        await using var server = await TestServer.StartAsync();
        using var raw = await ConnectAsync(server);

        var both = FakePeer.Mbap(1, 1, 3, 0, 4, 0, 1).Concat(FakePeer.Mbap(2, 1, 3, 0, 5, 0, 1)).ToArray();
        await raw.GetStream().WriteAsync(both);
        var answer = new byte[22];
        await raw.GetStream().ReadExactlyAsync(answer).AsTask().WaitAsync(Patience);

        Assert.Equal(FakePeer.Mbap(1, 1, FakePeer.ReadResponse(3, 1004)).Concat(FakePeer.Mbap(2, 1, FakePeer.ReadResponse(3, 1005))), answer);
    }

    [Fact]
    public async Task Many_clients_at_once()
    {
        await using var server = await TestServer.StartAsync();
        var clients = Enumerable.Range(0, 20).Select(_ => TestServer.ClientFor(server.LocalEndpoint)).ToList();

        var results = await Task.WhenAll(clients.Select(async (c, i) => await c.ReadHoldingRegistersAsync(1, (ushort)i, 1)));

        Assert.Equal(Enumerable.Range(1000, 20).Select(v => new[] { (ushort)v }), results);
        foreach (var c in clients)
        {
            await c.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed()
    {
        await using var server = await TestServer.StartAsync(options: new ModbusServerOptions { MaxConnections = 1 });
        await using var first = TestServer.ClientFor(server.LocalEndpoint);
        Assert.Equal([1000], await first.ReadHoldingRegistersAsync(1, 0, 1));

        using var second = await ConnectAsync(server);

        Assert.Equal(0, await ReadUntilClosedAsync(second));
        Assert.Equal(1, server.Statistics.ConnectionsRefused);
        Assert.Equal([1001], await first.ReadHoldingRegistersAsync(1, 1, 1));
    }

    [Fact]
    public async Task Idle_clients_are_disconnected()
    {
        var clock = new ManualTimeProvider();
        await using var server = await TestServer.StartAsync(options: new ModbusServerOptions { IdleTimeout = TimeSpan.FromMinutes(1), TimeProvider = clock });
        using var idle = await ConnectAsync(server);
        var closed = ReadUntilClosedAsync(idle);

        // The connection arms its idle timer when it starts reading; keep moving the clock until it fires.
        for (var i = 0; i < 200 && !closed.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(closed, Task.Delay(10));
        }

        Assert.Equal(0, await closed);
    }

    [Fact]
    public async Task Stop_disconnects_clients_and_frees_the_port()
    {
        var server = await TestServer.StartAsync();
        var endpoint = server.LocalEndpoint;
        await using var client = TestServer.ClientFor(endpoint);
        Assert.Equal([1000], await client.ReadHoldingRegistersAsync(1, 0, 1));

        await server.StopAsync().WaitAsync(Patience);
        await server.DisposeAsync();

        await Assert.ThrowsAnyAsync<ModbusException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));
        await using var again = new ModbusTcpServer(TestServer.SampleMap(), new ModbusServerOptions { Endpoint = endpoint });
        await again.StartAsync();
        await using var fresh = TestServer.ClientFor(endpoint);
        Assert.Equal([1001], await fresh.ReadHoldingRegistersAsync(1, 1, 1));
    }

    [Fact]
    public async Task Binding_a_busy_port_is_a_clear_error()
    {
        await using var first = await TestServer.StartAsync();
        await using var second = new ModbusTcpServer(TestServer.SampleMap(), new ModbusServerOptions { Endpoint = first.LocalEndpoint });

        var error = await Assert.ThrowsAsync<ModbusConnectionException>(() => second.StartAsync());

        Assert.Contains($"cannot listen on {first.LocalEndpoint}", error.Message, StringComparison.Ordinal);
    }

    private static async Task<TcpClient> ConnectAsync(ModbusTcpServer server)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.LocalEndpoint);
        return client;
    }

    /// <summary>Bytes received until the server closes the connection (0 when it closes without answering).</summary>
    private static async Task<int> ReadUntilClosedAsync(TcpClient client)
    {
        var total = 0;
        var buffer = new byte[512];
        try
        {
            while (true)
            {
                var read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(Patience);
                if (read == 0)
                {
                    return total;
                }

                total += read;
            }
        }
        catch (IOException)
        {
            return total;
        }
    }
}
