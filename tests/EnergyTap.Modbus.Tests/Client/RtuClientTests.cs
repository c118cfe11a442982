using EnergyTap.Modbus.Framing;
using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Client;

/// <summary>RTU frames carry no transaction id: the unit id must match and a timed-out exchange costs the connection.</summary>
public sealed class RtuClientTests
{
    [Fact]
    public async Task Timeout_with_rtu_framing_reopens_the_connection_so_a_late_answer_cannot_be_misread()
    {
        var map = TestServer.SampleMap();
        using var release = new SemaphoreSlim(0);
        map[1].AddReadHook(r =>
        {
            if (r.Address == 42)
            {
                release.Wait(TimeSpan.FromSeconds(5)); // a slow device: answers after the client gave up
            }

            return null;
        });
        await using var server = await TestServer.StartAsync(ModbusFraming.RtuOverTcp, map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint, ModbusFraming.RtuOverTcp, TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 42, 1));
        release.Release();

        Assert.Equal([1043], await client.ReadHoldingRegistersAsync(1, 43, 1));
        Assert.Equal(1, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Rtu_answer_from_another_unit_is_a_protocol_error()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var request = new byte[8];
            while (await stream.ReadAtLeastAsync(request, 8, throwOnEndOfStream: false, ct) == 8)
            {
                var answer = new byte[16];
                var length = RtuFrameCodec.Instance.Encode(0, (byte)(index == 0 ? 2 : 1), FakePeer.ReadResponse(3, 77), answer);
                await stream.WriteAsync(answer.AsMemory(0, length), ct);
            }
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, ModbusFraming.RtuOverTcp, TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadHoldingRegistersAsync(1, 0, 1));

        Assert.Contains("from unit 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tcp_answer_with_a_rewritten_unit_id_is_accepted_by_its_transaction_id()
    {
        await using var peer = new FakePeer(async (stream, index, ct) =>
        {
            var request = (await FakePeer.ReadMbapRequestAsync(stream, ct))!.Value;
            await stream.WriteAsync(FakePeer.Mbap(request.TransactionId, 0xFF, FakePeer.ReadResponse(3, 77)), ct);
        });
        await using var client = TestServer.ClientFor(peer.Endpoint, timeout: TimeSpan.FromMilliseconds(200));

        Assert.Equal([77], await client.ReadHoldingRegistersAsync(1, 0, 1));
    }
}
