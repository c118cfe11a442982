using System.Globalization;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Accessories;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Cloud.Endpoints;

/// <summary>getHomeGatewayList, getDeviceInfoV2, common/getAccessoryList and span/getSpanSetting, shaped as the live cloud answers.</summary>
internal static class GatewayEndpoints
{
    public const string Common = "/hes-gateway/common/";

    public static void Map(WebApplication app, CloudSimulatorState state)
    {
        app.MapGet(Routes.Terminal + "getHomeGatewayList", (HttpContext http) => Routes.Handle(state, http, "getHomeGatewayList", null, ok =>
            Envelopes.Ok(new JsonArray([.. ok.Account.Gateways.Select(g => (JsonNode)GatewayListItem(g, ok.Account))])), needsGateway: false));

        app.MapGet(Routes.Terminal + "getDeviceInfoV2", (HttpContext http) => Routes.Handle(state, http, "getDeviceInfoV2", Routes.GatewayId(http), ok =>
            Envelopes.Ok(DeviceInfo(ok.Gateway!, state.Now)), offlineAnswer: false));

        app.MapGet(Common + "getAccessoryList", (HttpContext http) => Routes.Handle(state, http, "getAccessoryList", Routes.GatewayId(http), ok =>
            Envelopes.Ok(new JsonArray([.. ok.Gateway!.Definition.Accessories.Select((type, i) => (JsonNode)new JsonObject
            {
                ["loadOption"] = null, ["gerOption"] = null,
                ["accessoryType"] = AccessoryCatalog.IsGenerator(type) ? AccessoryCatalog.Generator : AccessoryCatalog.SmartCircuits,
                ["createTime"] = "2025-03-14 10:00:00",
                ["id"] = (9000 + i).ToString(CultureInfo.InvariantCulture),
                ["sn"] = $"ACC{type}{ok.Gateway.Id[^4..]}{i:D2}",
            })])), offlineAnswer: false));

        app.MapGet(Routes.Terminal + "span/getSpanSetting", (HttpContext http) => Routes.Handle(state, http, "getSpanSetting", Routes.GatewayId(http), _ =>
            Envelopes.Ok(new JsonObject { ["spanFlag"] = 0 })));
    }

    private static JsonObject GatewayListItem(GatewayState g, AccountState account) => new()
    {
        ["id"] = g.Id, ["status"] = g.Online ? 1 : 0, ["connType"] = 1, ["name"] = g.Definition.Name,
        ["loadOption"] = g.HasSmartCircuits ? 1 : 0, ["gerOption"] = g.HasGenerator ? 1 : 0,
        ["groupId"] = null, ["groupName"] = null, ["groupFlag"] = 0, ["account"] = account.Definition.Email,
        ["protocolVer"] = "V1.3", ["version"] = g.Definition.Firmware, ["address"] = null, ["activeStatus"] = 1, ["simCardStatus"] = 0,
        ["activeTime"] = 1_741_946_400_000L, ["installTime"] = null, ["createTime"] = 1_741_946_400_000L,
        ["realSysHdVersion"] = HardwareText(g), ["sysHdVersion"] = HardwareText(g), ["zoneInfo"] = "UTC",
        ["deviceTime"] = "", ["countryId"] = 2, ["provinceId"] = 5, ["benefitShowFlag"] = 0,
    };

    private static JsonObject DeviceInfo(GatewayState g, DateTimeOffset now)
    {
        var serials = g.BatterySerials;
        return new JsonObject
        {
            ["gatewayId"] = g.Id,
            ["date"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["deviceTime"] = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["countryId"] = 2, ["provinceId"] = 5,
            ["offGirdFlag"] = g.OffGrid ? 1 : 0,
            ["sysHdVersion"] = HardwareText(g), ["sysHdVersionInt"] = g.Definition.HardwareVersion, ["realSysHdVersion"] = HardwareText(g),
            ["protocolVer"] = "V1.3", ["installerId"] = 4711, ["serviceVoltageFlag"] = null, ["offMessage"] = null,
            ["genEn"] = g.HasGenerator ? 1 : 0,
            ["chooseFinancierId"] = 0, ["firstName"] = "Demo", ["lastName"] = "Owner",
            ["fhpSn"] = serials[0], ["gridPhaseConSet"] = null, ["activeStatus"] = 1, ["emsDeviceVer"] = 2,
            ["solarFlag"] = true, ["solarTipMsg"] = "",
            // The V2L flag exists only where the hardware has a V2L port; it says whether V2L is licensed there.
            ["v2lModeEnable"] = g.V2lPort ? (g.Definition.V2lLicensed ? 1 : 0) : null,
            ["v2lRunState"] = g.Definition.V2lLicensed && g.V2lPort ? g.V2lRunState : null,
            ["newHomeFlag"] = null, ["sleepStatus"] = null, ["zoneInfo"] = "UTC",
            ["peHwVerList"] = new JsonArray([.. serials.Select(_ => (JsonNode)3)]),
            ["fixedPowerTotal"] = 5.0 * serials.Count, ["fixedPowerAverage"] = 5.0, ["totalCap"] = 13.6 * serials.Count,
            ["apowerList"] = new JsonArray([.. serials.Select(sn => (JsonNode)new JsonObject { ["id"] = sn, ["ratedPwr"] = 5000, ["rateBatCap"] = 13600 })]),
            ["blackSleepFlag"] = false, ["mpptEnFlag"] = false, ["apbox20Num"] = null, ["equipType"] = null, ["msaInstallStartDetectTime"] = null,
        };
    }

    /// <summary>sysHdVersion is the hardware code as text ("102"), not a model name.</summary>
    private static string HardwareText(GatewayState g) => g.Definition.HardwareVersion.ToString(CultureInfo.InvariantCulture);
}
