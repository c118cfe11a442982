using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>
/// sendMqtt as the live relay speaks it: the request's dataArea is a JSON object whose exact text in the body is what
/// len and crc (CRC-32) cover; the reply echoes cmdType, equipNo, snno and carries the aGate's answer as a dataArea
/// string with its own len and crc.
/// </summary>
internal static class MqttEndpoint
{
    public static void Map(WebApplication app, CloudSimulatorState state, Action<MqttFrame> record) =>
        app.MapPost(Routes.Terminal + "sendMqtt", async (HttpContext http) =>
        {
            var (frame, problem) = await ReadFrameAsync(http);
            if (frame is null)
            {
                state.Count("sendMqtt");
                return Envelopes.Error(500, problem!);
            }

            record(frame.Value.Frame);
            return Routes.Handle(state, http, "sendMqtt", frame.Value.Frame.EquipNo, ok =>
            {
                var f = frame.Value.Frame;
                if (!MqttFrame.Matches(f.DataArea, frame.Value.Len, frame.Value.Crc))
                {
                    state.Count("crcMismatch");
                    return Envelopes.Error(500, "len or crc does not match dataArea");
                }

                var request = JsonNode.Parse(f.DataArea)!.AsObject();
                var reply = MqttCommands.Answer(ok.Gateway!, f.CmdType, request, out var refusal);
                if (refusal is not null)
                {
                    return Envelopes.Error(500, refusal.Message);
                }

                if (reply is null)
                {
                    return Envelopes.Error(181, $"cmdType {f.CmdType} not available on this gateway");
                }

                var text = reply.ToJsonString();
                return Envelopes.Ok(new JsonObject
                {
                    ["cmdType"] = f.CmdType, ["equipNo"] = f.EquipNo, ["type"] = 0, ["timeStamp"] = state.Now.ToUnixTimeSeconds(),
                    ["snno"] = f.Snno, ["len"] = System.Text.Encoding.UTF8.GetByteCount(text), ["crc"] = MqttFrame.CrcOf(text), ["dataArea"] = text,
                });
            });
        });

    /// <summary>The frame with dataArea's raw text as it stood in the body, or what is wrong with the body.</summary>
    private static async Task<((MqttFrame Frame, int Len, string Crc)? Frame, string? Problem)> ReadFrameAsync(HttpContext http)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("dataArea", out var area))
            {
                return (null, "sendMqtt body must be a JSON object with cmdType, equipNo, len, crc and dataArea");
            }

            if (area.ValueKind != JsonValueKind.Object)
            {
                return (null, "dataArea must be a JSON object, not " + area.ValueKind.ToString().ToLowerInvariant());
            }

            var frame = new MqttFrame(body.GetProperty("cmdType").GetInt32(), body.GetProperty("equipNo").GetString()!,
                body.TryGetProperty("timeStamp", out var ts) ? ts.GetInt64() : 0, body.TryGetProperty("snno", out var sn) ? sn.GetInt32() : 0,
                area.GetRawText());
            return ((frame, body.GetProperty("len").GetInt32(), body.GetProperty("crc").GetString()!), null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return (null, "sendMqtt body must have cmdType, equipNo, len, crc and a dataArea object");
        }
    }
}
