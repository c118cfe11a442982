using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>
/// sendMqtt: checks len and CRC-32 of the dataArea text, answers cmdType 203/211/311/353 with result.dataArea as a
/// JSON string, as the real relay does.
/// </summary>
internal static class MqttEndpoint
{
    public static void Map(WebApplication app, CloudSimulatorState state, Action<MqttFrame> record) =>
        app.MapPost(Routes.Terminal + "sendMqtt", async (HttpContext http) =>
        {
            var frame = await ReadFrameAsync(http);
            if (frame is null)
            {
                state.Count("sendMqtt");
                return Envelopes.Error(500, "sendMqtt body must have cmdType, equipNo, len, crc and a dataArea string");
            }

            record(frame.Value.Frame);
            return Routes.Handle(state, http, "sendMqtt", frame.Value.Frame.EquipNo, ok =>
            {
                if (!MqttFrame.Matches(frame.Value.Frame.DataArea, frame.Value.Len, frame.Value.Crc))
                {
                    state.Count("crcMismatch");
                    return Envelopes.Error(500, "len or crc does not match dataArea");
                }

                var request = JsonNode.Parse(frame.Value.Frame.DataArea) as JsonObject ?? [];
                var reply = MqttCommands.Answer(ok.Gateway!, frame.Value.Frame.CmdType, request);
                return reply is null
                    ? Envelopes.Error(181, $"cmdType {frame.Value.Frame.CmdType} not available on this gateway")
                    : Envelopes.Ok(new JsonObject { ["dataArea"] = reply.ToJsonString() });
            });
        });

    private static async Task<(MqttFrame Frame, int Len, string Crc)?> ReadFrameAsync(HttpContext http)
    {
        try
        {
            if (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) is not JsonObject body
                || body["dataArea"]?.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            var frame = new MqttFrame(body["cmdType"]!.GetValue<int>(), body["equipNo"]!.GetValue<string>(),
                body["timeStamp"]?.GetValue<long>() ?? 0, body["snno"]?.GetValue<int>() ?? 0, body["dataArea"]!.GetValue<string>());
            return (frame, body["len"]!.GetValue<int>(), body["crc"]!.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }
}
