using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>Runs before every endpoint: while an outage is set, requests hang or fail as a whole, counted as "outage".</summary>
internal static class OutageMiddleware
{
    public static async Task InvokeAsync(HttpContext http, Func<(CloudOutage Outage, int StatusCode)> current, CloudSimulatorState state, RequestDelegate next)
    {
        var (outage, statusCode) = current();
        if (outage == CloudOutage.None)
        {
            await next(http);
            return;
        }

        state.Count("outage");
        if (outage == CloudOutage.ServerError)
        {
            http.Response.StatusCode = statusCode;
            await http.Response.WriteAsync("<html><body>Service Temporarily Unavailable</body></html>", http.RequestAborted);
            return;
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: the only way a hung request ends.
        }
    }
}
