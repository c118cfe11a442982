using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Cloud;

/// <summary>
/// Plausible runtimeData for a gateway at a moment: a solar bell between 06:00 and 18:00 UTC, a wavering load,
/// the battery covering the difference, the grid the rest. Deterministic for a seed and a time. Every field the API
/// description lists is present; mode is the active mode's id (= currendId) and name its name; offgridreason is null
/// on the grid; pro_load follows the smart circuits.
/// </summary>
internal static class SimulatedRuntime
{
    public static JsonObject RuntimeData(GatewayState gw, DateTimeOffset now, int seed)
    {
        var hour = now.TimeOfDay.TotalHours;
        var noise = Noise(seed, gw.Id, now);
        var sun = Math.Round(Math.Max(0, 7.5 * Math.Sin(Math.PI * (hour - 6) / 12)), 2);
        var load = Math.Round(1.1 + 0.6 * Math.Sin(hour / 3) + noise, 2);
        var soc = Math.Round(55 + 30 * Math.Sin(Math.PI * (hour - 9) / 12), 1);
        var genRunning = gw.GeneratorStat == 1;
        var gen = genRunning ? 4.2 : 0;
        var battery = Math.Round(Math.Clamp(load - sun - gen, -5, 5), 2); // positive = discharging
        var grid = gw.OffGrid ? 0 : Math.Round(load - sun - gen - battery, 2);
        var serials = gw.BatterySerials;
        var v2lFlags = gw.V2lPort;
        return new JsonObject
        {
            ["mode"] = gw.ActiveProfileId, ["name"] = gw.ActiveProfile.Name,
            ["electricity_type"] = 1, ["run_status"] = 1, ["report_type"] = 1,
            ["infi_status"] = new JsonArray([.. serials.Select(_ => (JsonNode)1)]),
            ["fhpSn"] = new JsonArray([.. serials.Select(sn => (JsonNode)sn)]),
            ["p_uti"] = grid, ["p_sun"] = sun, ["p_gen"] = gen, ["p_fhp"] = battery, ["p_load"] = load,
            ["kwh_uti_in"] = Math.Round(0.4 * hour, 2), ["kwh_uti_out"] = Math.Round(0.5 * SolarEnergy(hour), 2),
            ["kwh_sun"] = Math.Round(SolarEnergy(hour), 2), ["kwh_gen"] = genRunning ? 3.1 : 0,
            ["kwh_fhp_di"] = Math.Round(0.3 * hour, 2), ["kwh_fhp_chg"] = Math.Round(0.35 * hour, 2), ["kwh_load"] = Math.Round(1.2 * hour, 2),
            ["soc"] = soc, ["t_amb"] = 21.5,
            ["main_sw"] = new JsonArray(gw.OffGrid ? 0 : 1, genRunning ? 1 : 0, 0),
            ["pro_load"] = new JsonArray([.. Enumerable.Range(1, 3).Select(n => (JsonNode)(gw.HasSmartCircuits && gw.CircuitOn[n] ? 1 : 0))]),
            ["pe_stat"] = new JsonArray([.. serials.Select(_ => (JsonNode)1)]),
            ["doStatus"] = new JsonArray(0, 0), ["bms_work"] = new JsonArray([.. serials.Select(_ => (JsonNode)1)]), ["di"] = new JsonArray(0, 0),
            ["cd_alm"] = null, ["ent"] = null, ["signal"] = -61, ["sharp"] = null, ["peak"] = null, ["flat"] = null, ["valley"] = null,
            ["elecnet_state"] = gw.OffGrid ? 0 : 1, ["slaver_stat"] = 0,
            ["solarSupply"] = sun, ["p_use"] = load,
            ["fhpSoc"] = new JsonArray([.. serials.Select(_ => (JsonNode)soc)]),
            ["fhpPower"] = new JsonArray([.. serials.Select(_ => (JsonNode)Math.Round(battery / serials.Count, 2))]),
            ["genEn"] = gw.HasGenerator ? 1 : 0, ["genStat"] = gw.GeneratorStat,
            ["kwhSolarLoad"] = Math.Round(0.6 * hour, 2), ["kwhGridLoad"] = Math.Round(0.3 * hour, 2), ["kwhFhpLoad"] = Math.Round(0.3 * hour, 2),
            ["kwhGenLoad"] = genRunning ? 2.7 : 0,
            ["wifiSignal"] = -55, ["connType"] = 1,
            ["solarPower"] = (int)Math.Round(sun * 1000), ["remoteSolar1Power"] = 0, ["remoteSolar2Power"] = 0, ["remoteSolarEn"] = 0,
            ["gridChBat"] = 0.0, ["soOutGrid"] = Math.Max(0, -grid), ["soChBat"] = Math.Max(0, -battery), ["batOutGrid"] = 0.0,
            ["threePhasePvPower"] = 0,
            // Null on the grid; a reason code only while the grid is away.
            ["offgridreason"] = gw.OffGrid ? 1 : null,
            ["v2lModeEnable"] = v2lFlags ? (gw.Definition.V2lLicensed ? 1 : 0) : null,
            ["v2lRunState"] = v2lFlags ? gw.V2lRunState : null,
            ["mpptAllPower"] = null, ["apbox20Pv"] = null, ["completeInstallFlag"] = 1, ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["mpanPv1Wh"] = null, ["mpanPv2Wh"] = null, ["DSPNEMPVPower"] = null, ["mPanPv1Power"] = null, ["mPanPv2Power"] = null,
            ["mpptSta"] = null, ["mpptActPower"] = null, ["bms_heat_state"] = null, ["msaInstallStartDetectTime"] = null,
        };
    }

    /// <summary>getDeviceCompositeInfo's solarHaveVo: which solar inputs are installed, and the off-grid flag.</summary>
    public static JsonObject SolarHaveVo(GatewayState gw) => new()
    {
        ["remoteSolarEn"] = 0, ["remoteSolarMode"] = 0, ["dspNemPvEn"] = 0, ["pvSplitCtEn"] = 0, ["gridSplitCtEn"] = 1, ["sysHdVersion"] = null,
        ["installProximalsolar"] = 1, ["isThreePhaseInstall"] = 0, ["installPv1Port"] = 1, ["installPv2Port"] = 0,
        ["offGridFlag"] = gw.OffGrid ? 1 : 0, ["offGridReason"] = gw.OffGrid ? 1 : null, ["mpptEnFlag"] = false,
        ["mpanPv1En"] = null, ["mpanPv2En"] = null, ["mpptExportEn"] = null, ["installApboxSolar"] = 0,
    };

    /// <summary>Integral of the solar bell from 06:00 to <paramref name="hour"/>, in kWh.</summary>
    private static double SolarEnergy(double hour)
    {
        var h = Math.Clamp(hour, 6, 18);
        return 7.5 * 12 / Math.PI * (1 - Math.Cos(Math.PI * (h - 6) / 12));
    }

    private static double Noise(int seed, string gatewayId, DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        // string.GetHashCode and HashCode are randomized per process; this must be stable across runs.
        var stable = gatewayId.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var random = new Random(unchecked((seed * 7919) + (stable * 31) + (int)minute));
        return (random.NextDouble() - 0.5) * 0.3;
    }
}
