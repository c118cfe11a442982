using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>weather/getStormSetting: Storm Hedge settings, keyed by equipNo (the gateway id) rather than gatewayId.</summary>
internal static class StormEndpoints
{
    public static void Map(WebApplication app, CloudSimulatorState state) =>
        app.MapGet(Routes.Terminal + "weather/getStormSetting", (HttpContext http) =>
            Routes.Handle(state, http, "getStormSetting", http.Request.Query["equipNo"].FirstOrDefault(), ok => Envelopes.Ok(new JsonObject
            {
                ["enableStorm"] = ok.Gateway!.StormHedgeEnabled ? 1 : 0,
                ["advanceBackupTime"] = ok.Gateway.StormAdvanceBackupMinutes,
                ["noticeEnable"] = ok.Gateway.StormNoticeEnabled ? 1 : 0,
                ["stormEventVOList"] = new JsonArray(),
                ["showEventTypeFlag"] = false,
                ["tipsMap"] = new JsonObject
                {
                    ["stormAdvanceBackupTimeIntro"] = "How long before a storm the battery starts holding its charge.",
                    ["stormNoticeEnableIntro"] = "Notify me when a storm is on its way.",
                    ["stormHedgeIntro"] = "Storm Hedge charges the batteries ahead of severe weather.",
                    ["closeStormHedgeTip"] = "Without Storm Hedge the batteries are not charged ahead of storms.",
                    ["stormAutoActivateIntro"] = "Activate Storm Hedge automatically.",
                    ["beforeStormBackupSettingTitle"] = "Before a storm",
                    ["stormAskEachTimeIntro"] = "Ask me each time.",
                },
                ["advanceNoticeTime"] = 24,
            }), offlineAnswer: false));
}
