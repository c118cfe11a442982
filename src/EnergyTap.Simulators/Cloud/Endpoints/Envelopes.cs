using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>The FranklinWH answer shape: {code, message, result, success}.</summary>
internal static class Envelopes
{
    public static IResult Ok(JsonNode? result) => Write(200, "Success", result, StatusCodes.Status200OK);

    public static IResult Error(int code, string message, int httpStatus = StatusCodes.Status200OK) => Write(code, message, null, httpStatus);

    public static IResult Write(int code, string message, JsonNode? result, int httpStatus)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message, ["result"] = result, ["success"] = code == 200 };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: httpStatus);
    }

    public static string MessageFor(int code) => code switch
    {
        102 => "Device response timeout",
        136 => "Gateway is offline",
        176 => "Mode change queued, the gateway will sync when online",
        181 => "Permission denied",
        _ => "Error",
    };
}
