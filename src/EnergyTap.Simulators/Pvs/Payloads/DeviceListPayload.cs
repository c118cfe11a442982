using System.Text.Json.Nodes;
using static EnergyTap.Simulators.Pvs.Payloads.PvsFormat;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>
/// The dl_cgi DeviceList body: UPPERCASE properties, lowercase metrics, numbers mostly as strings.
/// Legacy builds (2021.9) use p_mpptsum_kw; newer builds add module_serial, hw_version and p_mppt1_kw.
/// </summary>
internal static class DeviceListPayload
{
    public static JsonObject Build(PvsInventory inventory, PvsSnapshot snapshot)
    {
        var now = DlCgiTime(snapshot.Now);
        var devices = new JsonArray
        {
            Supervisor(inventory, snapshot.Supervisor, now),
            Meter(snapshot.Production, now),
            Meter(snapshot.Consumption, now),
        };
        var newerBuild = inventory.Firmware == PvsFirmware.Varserver;
        foreach (var inverter in snapshot.Inverters)
        {
            devices.Add(Inverter(inverter, now, newerBuild));
        }

        if (inventory.Ess is { } ess)
        {
            foreach (var device in EssDevicesPayload.Build(ess, snapshot, now))
            {
                devices.Add(device);
            }
        }

        return new JsonObject { ["devices"] = devices, ["result"] = "succeed" };
    }

    private static JsonObject Supervisor(PvsInventory inventory, SupervisorReading s, string now) => new()
    {
        ["DETAIL"] = "detail",
        ["STATE"] = "working",
        ["STATEDESCR"] = "Working",
        ["SERIAL"] = inventory.Serial,
        ["MODEL"] = inventory.SupervisorModel,
        ["HWVER"] = inventory.HwVer,
        ["SWVER"] = inventory.SwVer,
        ["DEVICE_TYPE"] = "PVS",
        ["DATATIME"] = DlCgiTime(s.DataTime),
        ["dl_err_count"] = "0",
        ["dl_comm_err"] = Integer(s.CommErrors),
        ["dl_skipped_scans"] = "0",
        ["dl_scan_time"] = Integer(s.ScanTime),
        ["dl_untransmitted"] = Integer(s.Untransmitted),
        ["dl_uptime"] = Integer(s.UptimeSeconds),
        ["dl_cpu_load"] = Number(s.CpuLoad, 2),
        ["dl_mem_used"] = Integer(s.MemUsedKb),
        ["dl_flash_avail"] = Integer(s.FlashAvailKb),
        ["panid"] = inventory.PanId,
        ["CURTIME"] = now,
    };

    private static JsonObject Meter(MeterReading m, string now)
    {
        var device = new JsonObject
        {
            ["ISDETAIL"] = true,
            ["SERIAL"] = m.Serial,
            ["TYPE"] = m.IsConsumption ? "PVS5-METER-C" : "PVS5-METER-P",
            ["STATE"] = "working",
            ["STATEDESCR"] = "Working",
            ["MODEL"] = m.Model,
            ["DESCR"] = "Power Meter " + m.Serial,
            ["DEVICE_TYPE"] = "Power Meter",
            ["interface"] = "mime",
            ["subtype"] = m.IsConsumption ? "NET_CONSUMPTION_LOADSIDE" : "GROSS_PRODUCTION",
            ["SWVER"] = "3000",
            ["PORT"] = "",
            ["DATATIME"] = DlCgiTime(m.DataTime),
            ["ct_scl_fctr"] = Integer(m.CtScaleFactor),
            ["net_ltea_3phsum_kwh"] = Number(m.NetKwh, 2),
            ["p_3phsum_kw"] = Number(m.PKw),
            ["q_3phsum_kvar"] = Number(m.QKvar),
            ["s_3phsum_kva"] = Number(m.SKva),
            ["tot_pf_rto"] = Number(m.PowerFactor),
            ["freq_hz"] = Number(m.FreqHz),
        };
        if (m.IsConsumption)
        {
            device["i1_a"] = Number(m.I1A);
            device["i2_a"] = Number(m.I2A);
            device["neg_ltea_3phsum_kwh"] = Number(m.NegKwh, 2);
            device["pos_ltea_3phsum_kwh"] = Number(m.PosKwh, 2);
            device["v12_v"] = Number(m.V12V);
            device["v1n_v"] = Number(m.V1nV);
            device["v2n_v"] = Number(m.V2nV);
            device["p1_kw"] = Number(m.P1Kw);
            device["p2_kw"] = Number(m.P2Kw);
        }

        device["CAL0"] = Integer(m.CtScaleFactor);
        device["origin"] = "data_logger";
        device["OPERATION"] = "noop";
        device["CURTIME"] = now;
        return device;
    }

    private static JsonObject Inverter(InverterReading i, string now, bool newerBuild)
    {
        var device = new JsonObject
        {
            ["ISDETAIL"] = true,
            ["SERIAL"] = i.Id.Serial,
            ["TYPE"] = "SOLARBRIDGE",
            ["STATE"] = i.Working ? "working" : "error",
            ["STATEDESCR"] = i.Working ? "Working" : "Error",
            ["MODEL"] = "AC_Module_Type_E",
            ["DESCR"] = "Inverter " + i.Id.Serial,
            ["DEVICE_TYPE"] = "Inverter",
            ["PANEL"] = "SPR-X22-360-E-AC",
            ["SWVER"] = newerBuild ? "4.21.4" : "118079776",
            ["PORT"] = "",
            ["MOD_SN"] = i.Id.ModuleSerial,
            ["NMPLT_SKU"] = "",
            ["DATATIME"] = DlCgiTime(i.DataTime),
        };

        // A real PVS drops every metric while the inverter is not "working" (at night).
        if (i.Working)
        {
            if (newerBuild)
            {
                device["hw_version"] = "4403";
                device["module_serial"] = i.Id.ModuleSerial;
            }

            device["ltea_3phsum_kwh"] = Number(i.LifetimeKwh);
            device["p_3phsum_kw"] = Number(i.PKw);
            device["vln_3phavg_v"] = Number(i.AcV, 2);
            device["i_3phsum_a"] = Number(i.AcA, 2);
            device[newerBuild ? "p_mppt1_kw" : "p_mpptsum_kw"] = Number(i.DcKw);
            device["v_mppt1_v"] = Number(i.DcV, 2);
            device["i_mppt1_a"] = Number(i.DcA, 2);
            device["t_htsnk_degc"] = Integer(i.HeatsinkC);
            device["freq_hz"] = Number(i.FreqHz, 2);
            device["stat_ind"] = "0";
        }

        device["origin"] = "data_logger";
        device["OPERATION"] = "noop";
        device["CURTIME"] = now;
        return device;
    }
}
