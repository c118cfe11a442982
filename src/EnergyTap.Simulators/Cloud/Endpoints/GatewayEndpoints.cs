using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>getHomeGatewayList, getDeviceInfoV2 (accessories) and span/getSpanSetting.</summary>
internal static class GatewayEndpoints
{
    public static void Map(WebApplication app, CloudSimulatorState state)
    {
        app.MapGet(Routes.Terminal + "getHomeGatewayList", (HttpContext http) => Routes.Handle(state, http, "getHomeGatewayList", null, ok =>
            Envelopes.Ok(new JsonArray([.. ok.Account.Gateways.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = g.Id, ["name"] = g.Definition.Name, ["status"] = g.Online ? 1 : 0, ["sysHdVersion"] = "aGate X",
            })])), needsGateway: false));

        app.MapGet(Routes.Terminal + "getDeviceInfoV2", (HttpContext http) => Routes.Handle(state, http, "getDeviceInfoV2", Routes.GatewayId(http), ok =>
            Envelopes.Ok(new JsonObject
            {
                ["gatewayId"] = ok.Gateway!.Id,
                ["accessoryList"] = new JsonArray([.. ok.Gateway.Definition.Accessories.Select((type, i) => (JsonNode)new JsonObject
                {
                    ["accessoryType"] = type, ["snno"] = $"ACC{type}{i:D4}",
                })]),
            }), offlineAnswer: false));

        app.MapGet(Routes.Terminal + "span/getSpanSetting", (HttpContext http) => Routes.Handle(state, http, "getSpanSetting", Routes.GatewayId(http), _ =>
            Envelopes.Ok(new JsonObject { ["spanFlag"] = 0 })));
    }
}
