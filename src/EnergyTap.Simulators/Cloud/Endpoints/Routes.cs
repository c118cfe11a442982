using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>The shared prelude of every authenticated endpoint: count, lock, guard, then answer.</summary>
internal static class Routes
{
    public const string Terminal = "/hes-gateway/terminal/";

    public static string? GatewayId(HttpContext http) => http.Request.Query["gatewayId"].FirstOrDefault();

    public static IResult Handle(CloudSimulatorState state, HttpContext http, string endpoint, string? gatewayId,
        Func<RequestGuard.Allowed, IResult> answer, bool offlineAnswer = true, bool needsGateway = true)
    {
        state.Count(endpoint);
        if (needsGateway && gatewayId is null)
        {
            return Envelopes.Error(500, "gatewayId is required");
        }

        lock (state.Sync)
        {
            var (ok, refusal) = RequestGuard.Check(state, http, gatewayId, offlineAnswer);
            return refusal ?? answer(ok!);
        }
    }
}
