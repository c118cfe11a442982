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
                ? Envelopes.Ok(Settings(ok.Gateway, withV2l: true))
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
                return Envelopes.Ok(Settings(ok.Gateway, withV2l: false));
            });
        });
    }

    /// <summary>The generator settings as selectIotGenerator answers them (updateIotGenerator echoes them without the alarm and V2L fields).</summary>
    private static JsonObject Settings(GatewayState gw, bool withV2l)
    {
        var running = gw.GeneratorStat == 1;
        var settings = new JsonObject
        {
            ["genEn"] = 1, ["gridVoltCheck"] = 1, ["genCloseElec"] = 90, ["freq"] = running ? 60 : 0, ["genpowerGen"] = running ? 3500 : 0,
            ["result"] = 1, ["mode"] = gw.GeneratorManuSw, ["genStartElec"] = 20, ["manuSw"] = gw.GeneratorManuSw,
            ["charge1En"] = 0, ["charge2En"] = 0, ["charge3En"] = 0, ["power"] = running ? 3500 : 0,
            ["charge3StartTime"] = "00:00", ["curr"] = running ? 15 : 0, ["genOptiPPoint"] = 80, ["startDelTime"] = 5,
            ["charge1StartTime"] = "00:00", ["genModel"] = "Generac", ["opt"] = 1, ["charge3EndTime"] = "00:00", ["charge1EndTime"] = "00:00",
            ["charge2StartTime"] = "00:00", ["charge2EndTime"] = "00:00", ["genStat"] = gw.GeneratorStat, ["genRatedPower"] = 8000,
            ["volt"] = running ? 240 : 0,
        };
        if (withV2l)
        {
            settings["generatorAlarmFlag"] = 0;
            settings["v2lModeEnable"] = gw.V2lPort ? (gw.Definition.V2lLicensed ? 1 : 0) : null;
            settings["v2lRunState"] = gw.V2lPort ? gw.V2lRunState : null;
        }

        return settings;
    }
}
