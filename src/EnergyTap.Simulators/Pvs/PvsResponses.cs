using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Pvs;

/// <summary>The few ways the simulated PVS answers: JSON bodies, its JSON errors and the haproxy-style 503 page.</summary>
internal static class PvsResponses
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node) => node.ToJsonString(Json);

    public static async Task JsonAsync(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.Pragma = "no-cache";
        context.Response.Headers.AccessControlAllowOrigin = "*";
        await context.Response.WriteAsync(Serialize(body), context.RequestAborted);
    }

    /// <summary>{"status":403,"error":"Unauthorized"} and friends.</summary>
    public static Task ErrorAsync(HttpContext context, int status, string error) =>
        JsonAsync(context, new JsonObject { ["status"] = status, ["error"] = error }, status);

    /// <summary>What an overloaded PVS (or the proxy in front of it) answers for minutes before it restarts.</summary>
    public static async Task NoServerAvailableAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.Connection = "close";
        await context.Response.WriteAsync(
            "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
            context.RequestAborted);
    }
}
