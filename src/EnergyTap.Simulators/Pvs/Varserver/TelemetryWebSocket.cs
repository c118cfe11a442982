using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>
/// The PVS6 telemetry WebSocket (port 9002): {"notification":"power","params":{...livedata...}} whenever the
/// live data changes (meters refresh every 15 s). Refuses connections while /sys/telemetryws/enable is 0.
/// </summary>
internal sealed class TelemetryWebSocket(SimulatedPvs pvs, PvsRequestCounters counters, TimeProvider time, TimeSpan checkInterval)
{
    public async Task HandleAsync(HttpContext context)
    {
        counters.Increment(PvsRequestCounters.Telemetry);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!pvs.Settings.TelemetryEnabled)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var ct = context.RequestAborted;
        string? lastSent = null;
        try
        {
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                if (!pvs.Settings.TelemetryEnabled)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "telemetry disabled", ct);
                    return;
                }

                var message = PvsResponses.Serialize(Message(pvs.Read(time.GetUtcNow()).LiveData));
                if (message != lastSent)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, ct);
                    lastSent = message;
                }

                // Polls the simulated clock in real time, so a test's manual clock and a real one both work.
                await Task.Delay(checkInterval, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the simulator is stopping.
        }
    }

    public static JsonObject Message(LiveDataReading live)
    {
        static JsonNode? Number(double? value) => value is { } v ? JsonValue.Create(Math.Round(v, 6)) : null;

        return new JsonObject
        {
            ["notification"] = "power",
            ["params"] = new JsonObject
            {
                ["time"] = live.Time.ToUnixTimeSeconds(),
                ["pv_p"] = Number(live.PvKw),
                ["pv_en"] = Number(live.PvKwh),
                ["net_p"] = Number(live.NetKw),
                ["net_en"] = Number(live.NetKwh),
                ["site_load_p"] = Number(live.SiteLoadKw),
                ["site_load_en"] = Number(live.SiteLoadKwh),
                ["ess_p"] = Number(live.EssKw),
                ["ess_en"] = Number(live.EssKwh),
                ["soc"] = Number(live.Soc),
                ["backupTimeRemaining"] = live.BackupMinutes,
                ["midstate"] = live.MidState,
            },
        };
    }
}
