using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>selectIotGenerator and updateIotGenerator ({gatewayId, manuSw, opt:1}); 181 without a generator module.</summary>
internal static class GeneratorEndpoints
{
    public static void Map(WebApplication app, CloudSimulatorState state)
    {
        app.MapGet(Routes.Terminal + "selectIotGenerator", (HttpContext http) =>
            Routes.Handle(state, http, "selectIotGenerator", Routes.GatewayId(http), ok => ok.Gateway!.HasGenerator
                ? Envelopes.Ok(new JsonObject { ["status"] = ok.Gateway.GeneratorStat, ["manuSw"] = ok.Gateway.GeneratorManuSw, ["opt"] = 1 })
                : Envelopes.Error(181, "Generator module not provisioned")));

        app.MapPost(Routes.Terminal + "updateIotGenerator", async (HttpContext http) =>
        {
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }

            var manuSw = body?["manuSw"]?.GetValueKind() == JsonValueKind.Number ? body["manuSw"]!.GetValue<int>() : 0;
            return Routes.Handle(state, http, "updateIotGenerator", body?["gatewayId"]?.GetValue<string>(), ok =>
            {
                if (!ok.Gateway!.HasGenerator)
                {
                    return Envelopes.Error(181, "Generator module not provisioned");
                }

                if (manuSw is not (1 or 2) || body?["opt"]?.GetValue<int>() != 1)
                {
                    return Envelopes.Error(500, "manuSw must be 1 or 2 and opt 1");
                }

                ok.Gateway.GeneratorManuSw = manuSw;
                return Envelopes.Ok(null);
            });
        });
    }
}
