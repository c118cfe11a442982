using System.Text.Json.Nodes;
using static EnergyTap.Simulators.Pvs.Payloads.PvsFormat;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>The SunVault devices a PVS6 lists next to its meters and inverters (shapes from a real SunVault site).</summary>
internal static class EssDevicesPayload
{
    public static IEnumerable<JsonObject> Build(EssInventory ess, PvsSnapshot snapshot, string now)
    {
        var dataTime = DlCgiTime(snapshot.Consumption.DataTime);
        var parent = ess.SystemSerial;
        var battery = snapshot.Ess!;

        yield return Device(ess.HubSerial, "HUB+", "SunPower MIDC", "HUB+", "0.7.22", "P0, Modbus, Slave 220", now, new()
        {
            ["hw_version"] = "1.5.0",
            ["interface"] = "ttymxc5",
            ["slave"] = 220,
            ["DATATIME"] = dataTime,
        });
        yield return Device(ess.MioSerial, "EQUINOX-MIO", "SunPower MIO", "ESS Hub", "0.7.10", "P0, Modbus, Slave 221", now, new()
        {
            ["hw_version"] = "1.4.0",
            ["interface"] = "ttymxc5",
            ["slave"] = 221,
            ["DATATIME"] = dataTime,
            ["t_degc"] = Number(battery.InverterC - 8, 0),
            ["humidity"] = "20",
            ["v_dcdc_spply_v"] = "11.43",
            ["v_spply_v"] = "11.364",
            ["v_gateway_v"] = "11.419",
            ["fan_actv_fl"] = battery.PKw != 0 ? "1" : "0",
            ["fw_error"] = "0",
            ["event_history"] = "2112",
            ["PARENT"] = parent,
        });
        yield return Device(ess.PvDisconnectSerial, "PV-DISCONNECT", "SunPower PV Disconnect Relay", "PV Disconnect", "0.2.13", "P0, Modbus, Slave 230", now, new()
        {
            ["slave"] = 230,
            ["DATATIME"] = dataTime,
            ["event_history"] = "32",
            ["fw_error"] = "0",
            ["relay_mode"] = "0",
            ["relay1_state"] = "1",
            ["relay2_state"] = "1",
            ["relay1_error"] = "0",
            ["relay2_error"] = "0",
            ["v1n_grid_v"] = Number(snapshot.Consumption.V1nV, 1),
            ["v2n_grid_v"] = Number(snapshot.Consumption.V2nV, 1),
            ["v1n_pv_v"] = Number(snapshot.Consumption.V1nV + 0.3, 1),
            ["v2n_pv_v"] = Number(snapshot.Consumption.V2nV, 1),
        });
        yield return Device(ess.GatewaySerial, "GATEWAY", "SchneiderElectric-ConextGateway", "Gateway", "V1", "P0, SunSpec, Slave 1", now, new()
        {
            ["interface"] = "sunspec",
            ["mac_address"] = ess.GatewayMac,
        });
        yield return Device(ess.InverterSerial, "SCHNEIDER-XWPRO", "SchneiderElectric-XW6848-21", "Storage Inverter", "V1", "P0, SunSpec, Slave 10", now, new()
        {
            ["interface"] = "sunspec",
            ["mac_address"] = ess.GatewayMac,
            ["parent"] = 11,
            ["slave"] = 10,
            ["PARENT"] = parent,
        });
        yield return Device(ess.BmsSerial, "EQUINOX-BMS", "SchneiderElectric-SP1", "ESS BMS", "V1", "P0, SunSpec, Slave 230", now, new()
        {
            ["interface"] = "sunspec",
            ["mac_address"] = ess.GatewayMac,
            ["parent"] = 11,
            ["slave"] = 230,
            ["PARENT"] = parent,
        });
        foreach (var serial in ess.BatterySerials)
        {
            yield return Device(serial, "BATTERY", "POWERAMP-Komodo 1.2", "Battery", "2.8", "P0, None, Slave -1", now, new()
            {
                ["hw_version"] = "4.34",
                ["interface"] = "none",
                ["parent"] = 11,
                ["PARENT"] = parent,
            });
        }

        yield return Device(parent, "EQUINOX-ESS", "SPWR-Equinox-model", "Energy Storage System", "0", "P0, Parent, Slave -1", now, new()
        {
            ["hw_version"] = "0",
            ["interface"] = "none",
        });
    }

    private static JsonObject Device(
        string serial, string type, string model, string deviceType, string swVer, string port, string now, JsonObject extra)
    {
        var device = new JsonObject
        {
            ["ISDETAIL"] = true,
            ["SERIAL"] = serial,
            ["TYPE"] = type,
            ["STATE"] = "working",
            ["STATEDESCR"] = "Working",
            ["MODEL"] = model,
            ["DESCR"] = $"{deviceType} {serial}",
            ["DEVICE_TYPE"] = deviceType,
            ["SWVER"] = swVer,
            ["PORT"] = port,
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            device[key] = value;
        }

        device["origin"] = "data_logger";
        device["OPERATION"] = "noop";
        device["CURTIME"] = now;
        return device;
    }
}
