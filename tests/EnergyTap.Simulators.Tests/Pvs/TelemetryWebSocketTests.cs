using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public class TelemetryWebSocketTests
{
    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        Assert.True(result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)).RootElement.Clone();
    }

    [Fact]
    public async Task Telemetry_is_refused_until_enabled_then_pushes_power_notifications_on_change()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2, Ess = true });
        var url = host.Simulator.TelemetryUrl!;

        using (var refused = new ClientWebSocket())
        {
            await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(url, CancellationToken.None));
        }

        await host.LoginAsync();
        await host.GetJsonAsync("vars?set=/sys/telemetryws/enable=1");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, CancellationToken.None);

        var first = await ReceiveAsync(socket);
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        var second = await ReceiveAsync(socket);

        Assert.Equal("power", first.GetProperty("notification").GetString());
        var parameters = first.GetProperty("params");
        Assert.Equal(JsonValueKind.Number, parameters.GetProperty("pv_p").ValueKind);
        Assert.Equal(JsonValueKind.Number, parameters.GetProperty("soc").ValueKind);
        Assert.Equal(PvsTestHost.Noon.ToUnixTimeSeconds(), parameters.GetProperty("time").GetInt64());
        Assert.Equal(PvsTestHost.Noon.ToUnixTimeSeconds() + 15, second.GetProperty("params").GetProperty("time").GetInt64());
        Assert.True(host.Simulator.Requests[PvsRequestCounters.Telemetry] >= 2);
    }

    [Fact]
    public async Task Legacy_firmware_has_no_telemetry_server()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1 });

        Assert.Null(host.Simulator.TelemetryUrl);
    }
}
