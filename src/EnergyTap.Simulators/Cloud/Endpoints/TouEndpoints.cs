using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>getGatewayTouListV2, updateTouModeV2 and updateSocV2. Profile ids differ per gateway, like real accounts.</summary>
internal static class TouEndpoints
{
    public static void Map(WebApplication app, CloudSimulatorState state)
    {
        app.MapGet(Routes.Terminal + "tou/getGatewayTouListV2", (HttpContext http) =>
            Routes.Handle(state, http, "getGatewayTouListV2", Routes.GatewayId(http), ok => Envelopes.Ok(new JsonObject
            {
                ["currendId"] = ok.Gateway!.ActiveProfileId,
                ["list"] = new JsonArray([.. ok.Gateway.Profiles.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id, ["workMode"] = p.WorkMode, ["name"] = p.Name, ["soc"] = p.Soc,
                    ["minSoc"] = p.WorkMode == 3 ? 20 : 5, ["maxSoc"] = 100,
                })]),
            }), offlineAnswer: false));

        app.MapPost(Routes.Terminal + "tou/updateTouModeV2", (HttpContext http) =>
            Routes.Handle(state, http, "updateTouModeV2", Routes.GatewayId(http), ok => Update(http, ok.Gateway!, (gw, profile) =>
            {
                var duration = Number(http, "durationMinute");
                if (duration is { } d && (profile.WorkMode != 3 || d is < 30 or > 4320))
                {
                    return Envelopes.Error(500, "durationMinute must be 30-4320 and only for emergency backup");
                }

                gw.ActiveProfileId = profile.Id;
                gw.BackupMinutes = duration is { } minutes ? (int)minutes : null;
                return null;
            }), offlineAnswer: false));

        app.MapPost(Routes.Terminal + "tou/updateSocV2", (HttpContext http) =>
            Routes.Handle(state, http, "updateSocV2", Routes.GatewayId(http), ok => Update(http, ok.Gateway!, (_, profile) =>
            {
                if (Number(http, "soc") is not { } soc || soc < 5 || soc > 100)
                {
                    return Envelopes.Error(500, "soc must be 5-100");
                }

                profile.Soc = soc;
                return null;
            }), offlineAnswer: false));
    }

    /// <summary>Finds the profile named by currendId + workMode, applies the change, or answers 176 when the gateway is offline.</summary>
    private static IResult Update(HttpContext http, GatewayState gw, Func<GatewayState, ModeProfileState, IResult?> apply)
    {
        var id = Number(http, "currendId");
        var workMode = Number(http, "workMode");
        var profile = gw.Profiles.FirstOrDefault(p => p.Id == id && p.WorkMode == workMode);
        if (profile is null)
        {
            return Envelopes.Error(500, "Unknown currendId or workMode for this gateway");
        }

        var refusal = apply(gw, profile);
        return refusal ?? (gw.Online ? Envelopes.Ok(null) : Envelopes.Error(176, Envelopes.MessageFor(176)));
    }

    private static double? Number(HttpContext http, string name) =>
        double.TryParse(http.Request.Query[name].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
