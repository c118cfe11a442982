using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>Turns getDeviceCompositeInfo's runtimeData into typed values; protocol names stay in this one file.</summary>
internal static class RuntimeDataReader
{
    public static CurrentValues Current(JsonElement rd)
    {
        var mainSw = rd.IntArray("main_sw");
        var serials = rd.TryGetProperty("fhpSn", out var sn) && sn.ValueKind == JsonValueKind.Array
            ? sn.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()).ToList()
            : [];
        var socs = rd.DoubleArray("fhpSoc");
        var powers = rd.DoubleArray("fhpPower");
        var offGridReason = rd.Int("offgridreason");
        var reasonSent = rd.TryGetProperty("offgridreason", out _);
        return new CurrentValues
        {
            SolarKw = rd.Double("p_sun"),
            LoadKw = rd.Double("p_load"),
            BatteryKw = rd.Double("p_fhp"),
            GridKw = rd.Double("p_uti"),
            SocPercent = rd.Double("soc"),
            Batteries = [.. Enumerable.Range(0, Math.Max(serials.Count, Math.Max(socs.Count, powers.Count)))
                .Select(i => new BatteryUnit(At(serials, i), At(socs, i), At(powers, i)))],
            GridConnection = GridOf(At(mainSw, 0), reasonSent, offGridReason),
            OffGridReason = offGridReason,
            GeneratorKw = rd.Double("p_gen"),
            GeneratorEnabled = rd.Bool("genEn"),
            GeneratorStatus = rd.Int("genStat"),
            GeneratorRelay = At(mainSw, 1),
            V2lEnabled = rd.Bool("v2lModeEnable"),
            V2lStatus = rd.Int("v2lRunState"),
            ActiveModeId = rd.Double("mode") is { } mode ? (long)mode : null,
            ModeName = rd.String("name"),
            SmartCircuitLoads = rd.IntArray("pro_load"),
            RunStatus = rd.Int("run_status"),
        };
    }

    public static DailyTotals Totals(JsonElement rd) => new()
    {
        SolarKwh = rd.Double("kwh_sun"),
        LoadKwh = rd.Double("kwh_load"),
        BatteryChargeKwh = rd.Double("kwh_fhp_chg"),
        BatteryDischargeKwh = rd.Double("kwh_fhp_di"),
        GridImportKwh = rd.Double("kwh_uti_in"),
        GridExportKwh = rd.Double("kwh_uti_out"),
        GeneratorKwh = rd.Double("kwh_gen"),
        GeneratorLoadKwh = rd.Double("kwhGenLoad"),
    };

    /// <summary>
    /// Off grid when the grid relay is open or any reason code is sent (0 is a reason, not "fine": on the grid the
    /// cloud sends null). On the grid when the relay is closed, or the field is there and null.
    /// </summary>
    private static GridConnection GridOf(int? gridRelay, bool reasonSent, int? offGridReason)
    {
        if (gridRelay == 0 || offGridReason is not null)
        {
            return GridConnection.OffGrid;
        }

        return gridRelay == 1 || reasonSent ? GridConnection.Connected : GridConnection.Unknown;
    }

    private static T? At<T>(IReadOnlyList<T?> list, int index) => index < list.Count ? list[index] : default;
}
