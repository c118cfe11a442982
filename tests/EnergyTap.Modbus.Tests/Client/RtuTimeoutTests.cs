using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Client;

/// <summary>RTU frames carry no transaction id, so a timed-out RTU exchange must cost the connection.</summary>
public sealed class RtuTimeoutTests
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
}
