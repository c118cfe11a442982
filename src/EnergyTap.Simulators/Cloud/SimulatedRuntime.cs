using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Cloud;

/// <summary>
/// Plausible runtimeData for a gateway at a moment: a solar bell between 06:00 and 18:00 UTC, a wavering load,
/// the battery covering the difference, the grid the rest. Deterministic for a seed and a time.
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
        var hoursToday = hour;
        return new JsonObject
        {
            ["p_sun"] = sun, ["p_gen"] = gen, ["p_load"] = load, ["p_fhp"] = battery, ["p_uti"] = grid, ["soc"] = soc,
            ["kwh_sun"] = Math.Round(SolarEnergy(hour), 2), ["kwh_gen"] = genRunning ? 3.1 : 0, ["kwh_load"] = Math.Round(1.2 * hoursToday, 2),
            ["kwh_fhp_chg"] = Math.Round(0.35 * hoursToday, 2), ["kwh_fhp_di"] = Math.Round(0.3 * hoursToday, 2),
            ["kwh_uti_in"] = Math.Round(0.4 * hoursToday, 2), ["kwh_uti_out"] = Math.Round(0.5 * SolarEnergy(hour), 2),
            ["kwhGenLoad"] = genRunning ? 2.7 : 0,
            ["genEn"] = gw.HasGenerator ? 1 : 0, ["genStat"] = gw.GeneratorStat,
            ["main_sw"] = new JsonArray(gw.OffGrid ? 0 : 1, genRunning ? 1 : 0, 0),
            ["offgridreason"] = gw.OffGrid ? 1 : 0,
            ["pro_load"] = new JsonArray(0, 0, 0),
            ["run_status"] = 1, ["mode"] = gw.ActiveProfile.WorkMode,
            ["fhpSn"] = new JsonArray([.. gw.BatterySerials.Select(sn => (JsonNode)sn)]),
            ["fhpSoc"] = new JsonArray([.. gw.BatterySerials.Select(_ => (JsonNode)soc)]),
            ["fhpPower"] = new JsonArray([.. gw.BatterySerials.Select(_ => (JsonNode)Math.Round(battery / gw.BatterySerials.Count, 2))]),
            ["bms_work"] = new JsonArray(1), ["t_amb"] = 21.5, ["signal"] = -61, ["wifiSignal"] = -55, ["connType"] = 1,
            ["v2lModeEnable"] = gw.Definition.V2lLicensed ? 1 : 0, ["v2lRunState"] = gw.V2lRunState,
        };
    }

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
