using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>getDeviceCompositeInfo: runtimeData, with valid:false bursts and 429 when one gateway is polled too fast.</summary>
internal static class StatsEndpoint
{
    public static void Map(WebApplication app, CloudSimulatorState state) =>
        app.MapGet(Routes.Terminal + "getDeviceCompositeInfo", (HttpContext http) =>
            Routes.Handle(state, http, "getDeviceCompositeInfo", Routes.GatewayId(http), ok => Answer(state, http, ok.Gateway!)));

    private static IResult Answer(CloudSimulatorState state, HttpContext http, GatewayState gw)
    {
        var now = state.Now;
        if (gw.LastStatsPoll is { } last && now - last < state.Options.MinStatsInterval)
        {
            state.Count("429");
            var wait = Math.Max(1, (int)Math.Ceiling((state.Options.MinStatsInterval - (now - last)).TotalSeconds));
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            return Envelopes.Error(429, "Too many requests", StatusCodes.Status429TooManyRequests);
        }

        gw.LastStatsPoll = now;
        var result = new JsonObject { ["currentWorkMode"] = gw.ActiveProfile.WorkMode, ["deviceStatus"] = 1 };
        if (gw.ValidFalseRemaining > 0)
        {
            gw.ValidFalseRemaining--;
            result["valid"] = false;
            result["runtimeData"] = null;
        }
        else
        {
            result["valid"] = true;
            result["runtimeData"] = SimulatedRuntime.RuntimeData(gw, now, state.Options.Seed);
        }

        result["solarHaveVo"] = SimulatedRuntime.SolarHaveVo(gw);
        result["currentAlarmVOList"] = new JsonArray();

        return Envelopes.Ok(result);
    }
}
