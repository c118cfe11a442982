using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>
/// Refuses chunked request bodies with 411 Length Required, as some gateways and proxies in front of the cloud do:
/// a client that works here sends Content-Length on every body. Counted as "chunked".
/// </summary>
internal static class LengthRequiredMiddleware
{
    public static async Task InvokeAsync(HttpContext http, CloudSimulatorState state, RequestDelegate next)
    {
        var chunked = http.Request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);
        if (!chunked)
        {
            await next(http);
            return;
        }

        state.Count("chunked");
        http.Response.StatusCode = StatusCodes.Status411LengthRequired;
        await http.Response.WriteAsync("<html><body>411 Length Required</body></html>", http.RequestAborted);
    }
}
