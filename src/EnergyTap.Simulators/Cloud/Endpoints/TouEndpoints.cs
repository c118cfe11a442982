using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>
/// tou/getGatewayTouListV2 (a POST, like the app's), updateTouModeV2 and updateSocV2 (currendId optional, as some
/// clients leave it out). Profile ids differ per gateway, like real accounts. Parameters come in the query string.
/// </summary>
internal static class TouEndpoints
{
    public static void Map(WebApplication app, CloudSimulatorState state)
    {
        app.MapPost(Routes.Terminal + "tou/getGatewayTouListV2", (HttpContext http) =>
            Routes.Handle(state, http, "getGatewayTouListV2", Routes.GatewayId(http), ok => Envelopes.Ok(TouList(ok.Gateway!, state.Now)), offlineAnswer: false));

        app.MapPost(Routes.Terminal + "tou/updateTouModeV2", (HttpContext http) =>
            Routes.Handle(state, http, "updateTouModeV2", Routes.GatewayId(http), ok => Update(http, ok.Gateway!, requireId: true, (gw, profile) =>
            {
                var duration = Number(http, "durationMinute");
                if (duration is { } d && (profile.WorkMode != 3 || d is < 30 or > 4320))
                {
                    return Envelopes.Error(500, "durationMinute must be 30-4320 and only for emergency backup");
                }

                if (profile.WorkMode == 3 && gw.ActiveProfile.WorkMode != 3)
                {
                    gw.NextWorkMode = gw.ActiveProfile.WorkMode;
                }

                gw.ActiveProfileId = profile.Id;
                gw.BackupMinutes = duration is { } minutes ? (int)minutes : null;
                gw.BackupSince = duration is null ? null : state.Now;
                return null;
            }, new JsonObject { ["tariffSettingFlag"] = true }), offlineAnswer: false));

        app.MapPost(Routes.Terminal + "tou/updateSocV2", (HttpContext http) =>
            Routes.Handle(state, http, "updateSocV2", Routes.GatewayId(http), ok => Update(http, ok.Gateway!, requireId: false, (_, profile) =>
            {
                if (!profile.EditSocFlag)
                {
                    return Envelopes.Error(500, $"the reserve of {profile.Name} cannot be edited");
                }

                if (Number(http, "soc") is not { } soc || soc < profile.MinSoc || soc > 100)
                {
                    return Envelopes.Error(500, $"soc must be {profile.MinSoc:0}-100");
                }

                profile.Soc = soc;
                return null;
            }, null), offlineAnswer: false));
    }

    private static JsonObject TouList(GatewayState gw, DateTimeOffset now)
    {
        var timed = gw.ActiveProfile.WorkMode == 3 && gw.BackupMinutes is not null && gw.BackupSince is not null;
        var start = timed ? gw.BackupSince!.Value : (DateTimeOffset?)null;
        var end = timed ? start!.Value.AddMinutes(gw.BackupMinutes!.Value) : (DateTimeOffset?)null;
        return new JsonObject
        {
            ["currendId"] = gw.ActiveProfileId,
            ["list"] = new JsonArray([.. gw.Profiles.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id, ["oldIndex"] = p.OldIndex, ["name"] = p.Name, ["soc"] = p.Soc, ["maxSoc"] = 100, ["minSoc"] = p.MinSoc,
                ["dischargeDepthSoc"] = null, ["editSocFlag"] = p.EditSocFlag, ["multiSOCFlag"] = false, ["workMode"] = p.WorkMode,
                ["energyIncentivesType"] = 0, ["electricityType"] = 1, ["displayFlag"] = null,
            })]),
            ["stromEn"] = gw.StormHedgeEnabled ? 1 : 0,
            ["sgipFlag"] = 0, ["itcFlag"] = 0,
            ["stopMode"] = 0,
            ["gridChargeEn"] = 0,
            ["touSendStatus"] = null, ["touAlertMessage"] = null,
            ["backupForeverFlag"] = gw.ActiveProfile.WorkMode == 3 && !timed ? 1 : 0,
            ["timerEndTime"] = Time(end), ["timerEndTimeZero"] = Time(end),
            ["timerStartTime"] = Time(start), ["timerStartTimeZero"] = Time(start),
            ["zoneInfo"] = "UTC",
            ["nextWorkMode"] = gw.ActiveProfile.WorkMode == 3 ? gw.NextWorkMode : gw.ActiveProfile.WorkMode,
            ["todayVppVo"] = new JsonObject
            {
                ["programFlag"] = null, ["vppStatus"] = null, ["vppId"] = null, ["vppFlag"] = 0, ["startTime"] = null, ["endTime"] = null,
                ["showVppTipFlag"] = false,
            },
            ["tariffSettingFlag"] = true,
            ["vppSocVo"] = new JsonObject { ["vppSoc"] = 0.0, ["vppMinSoc"] = 0.0, ["vppMaxSoc"] = 100.0, ["vppSocDisplayFlag"] = false, ["vppType"] = 0 },
        };
    }

    private static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Finds the profile by currendId (+ workMode when given), or without currendId by workMode, else the active one;
    /// applies the change, or answers 176 when the gateway is offline.
    /// </summary>
    private static IResult Update(HttpContext http, GatewayState gw, bool requireId, Func<GatewayState, ModeProfileState, IResult?> apply, JsonNode? result)
    {
        var id = Number(http, "currendId");
        var workMode = Number(http, "workMode");
        if (requireId && id is null)
        {
            return Envelopes.Error(500, "currendId is required");
        }

        var profile = id is not null
            ? gw.Profiles.FirstOrDefault(p => p.Id == id && (workMode is null || p.WorkMode == workMode))
            : workMode is not null ? gw.Profiles.FirstOrDefault(p => p.WorkMode == workMode) : gw.ActiveProfile;
        if (profile is null)
        {
            return Envelopes.Error(500, "Unknown currendId or workMode for this gateway");
        }

        var refusal = apply(gw, profile);
        return refusal ?? (gw.Online ? Envelopes.Ok(result) : Envelopes.Error(176, Envelopes.MessageFor(176)));
    }

    private static double? Number(HttpContext http, string name) =>
        double.TryParse(http.Request.Query[name].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
