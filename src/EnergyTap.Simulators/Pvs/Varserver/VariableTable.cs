using System.Text.Json.Nodes;
using EnergyTap.Simulators.Pvs.Payloads;
using static EnergyTap.Simulators.Pvs.Payloads.PvsFormat;

namespace EnergyTap.Simulators.Pvs.Varserver;

/// <summary>
/// The varserver namespace at one instant, in a stable order. Values are strings as the PVS sends them
/// ("0.860000", "nan" without a battery); build 61840 instead packs each device into one JSON object under
/// /sys/devices/&lt;n&gt;/&lt;type&gt;/data with numeric fields.
/// </summary>
internal static class VariableTable
{
    public const string ControlMode = "/ess/config/dcm/mode_param/control_mode";
    public const string MinCustomerSoc = "/ess/config/dcm/control_param/min_customer_soc";
    public const string TelemetryEnable = "/sys/telemetryws/enable";

    public static List<KeyValuePair<string, JsonNode?>> Build(SimulatedPvs pvs, PvsSnapshot snapshot)
    {
        var inventory = pvs.Inventory;
        var pvs6 = inventory.Model == PvsModel.PVS6;
        var vars = new List<KeyValuePair<string, JsonNode?>>(512);
        void Add(string name, string value) => vars.Add(new(name, JsonValue.Create(value)));

        if (pvs6 && inventory.Ess is not null)
        {
            Add(MinCustomerSoc, Float(pvs.Settings.MinCustomerSoc));
            Add(ControlMode, pvs.Settings.ControlMode);
        }

        Add("/metrics/network/interface_report_request", "0");
        Add("/net/sta0/state", "down");
        Add(pvs6 ? "/net/wan0/state" : "/net/wan/state", "up");
        Add("/network/report/send", "0");
        AddInfo(Add, inventory, snapshot);
        AddLiveData(Add, snapshot.LiveData);
        if (inventory.Build61840)
        {
            AddDeviceObjects(vars, snapshot, inventory.Ess);
        }
        else
        {
            AddFlatDevices(Add, snapshot, inventory.Ess);
        }

        if (pvs6)
        {
            Add("/sys/pvs/flashwear_type_b", "0x01");
            Add("/sys/pvs/usb_erase_count", "0");
            Add(TelemetryEnable, pvs.Settings.TelemetryEnabled ? "1" : "0");
        }

        Add("/sys/toggle_cell/broadband_connected", "1");
        Add("/sys/toggle_cell/cell_connected", "0");
        Add("/sys/toggle_cell/low_data_mode", "0");
        return vars;
    }

    private static void AddInfo(Action<string, string> add, PvsInventory inventory, PvsSnapshot snapshot)
    {
        var s = snapshot.Supervisor;
        add("/sys/info/active_interface", "wan0");
        add("/sys/info/active_interface_mac", inventory.Mac);
        add("/sys/info/boardtype", inventory.Model == PvsModel.PVS6 ? "PVS6 rev B" : "PVS5x");
        add("/sys/info/cpu_usage", Integer((long)(s.CpuLoad * 25)));
        add("/sys/info/finance_type", "CASH");
        add("/sys/info/flash_usage", Integer(100 - (s.FlashAvailKb / 1200)));
        add("/sys/info/fwrev", " Major 2, Revision 0x00000001, Build 3");
        add("/sys/info/hwrev", inventory.Model == PvsModel.PVS6 ? "6.03" : "5.02");
        add("/sys/info/lmac", inventory.Mac);
        add("/sys/info/model", inventory.ModelName);
        add("/sys/info/ram_usage", Integer(s.MemUsedKb / 1000));
        add("/sys/info/serialnum", inventory.Serial);
        add("/sys/info/ssid", inventory.Ssid);
        add("/sys/info/sw_rev", inventory.SwRev);
        add("/sys/info/sys_type", inventory.Ess is null ? "PV-only" : "storage");
        add("/sys/info/uptime", Integer((long)Math.Max(0, (snapshot.Now - (s.DataTime - TimeSpan.FromSeconds(s.UptimeSeconds))).TotalSeconds)));
        add("/sys/info/wpa_key", inventory.WpaKey);
    }

    private static void AddLiveData(Action<string, string> add, LiveDataReading live)
    {
        add("/sys/livedata/time", Integer(live.Time.ToUnixTimeSeconds()));
        add("/sys/livedata/pv_p", Float(live.PvKw));
        add("/sys/livedata/pv_en", Float(live.PvKwh));
        add("/sys/livedata/net_p", Float(live.NetKw));
        add("/sys/livedata/net_en", Float(live.NetKwh));
        add("/sys/livedata/site_load_p", Float(live.SiteLoadKw));
        add("/sys/livedata/site_load_en", Float(live.SiteLoadKwh));
        add("/sys/livedata/ess_en", Float(live.EssKwh ?? double.NaN));
        add("/sys/livedata/ess_p", Float(live.EssKw ?? double.NaN));
        add("/sys/livedata/soc", Float(live.Soc ?? double.NaN));
        add("/sys/livedata/backupTimeRemaining", live.BackupMinutes is { } m ? Integer(m) : "nan");
        add("/sys/livedata/midstate", live.MidState is { } mid ? Integer(mid) : "nan");
    }

    private static void AddFlatDevices(Action<string, string> add, PvsSnapshot snapshot, EssInventory? essInventory)
    {
        foreach (var i in snapshot.Inverters)
        {
            foreach (var (field, value) in DeviceFields.Inverter(i))
            {
                add($"/sys/devices/inverter/{i.Id.Index}/{field}", FlatValue(value));
            }
        }

        var meters = new[] { snapshot.Production, snapshot.Consumption };
        for (var index = 0; index < meters.Length; index++)
        {
            foreach (var (field, value) in DeviceFields.Meter(meters[index]))
            {
                add($"/sys/devices/meter/{index}/{field}", FlatValue(value));
            }
        }

        if (snapshot.Ess is { } ess && essInventory is not null)
        {
            foreach (var (field, value) in DeviceFields.Ess(ess, essInventory))
            {
                add($"/sys/devices/ess/0/{field}", FlatValue(value));
            }

            foreach (var (field, value) in DeviceFields.TransferSwitch(snapshot, essInventory))
            {
                add($"/sys/devices/transfer_switch/0/{field}", FlatValue(value));
            }
        }
    }

    /// <summary>Build 61840: one object per device, numbers as numbers, device numbers like a real unit's.</summary>
    private static void AddDeviceObjects(List<KeyValuePair<string, JsonNode?>> vars, PvsSnapshot snapshot, EssInventory? essInventory)
    {
        static JsonObject Pack(IEnumerable<(string Field, object Value)> fields)
        {
            var data = new JsonObject();
            foreach (var (field, value) in fields)
            {
                data[field] = value switch
                {
                    string s => JsonValue.Create(s),
                    int n => JsonValue.Create(n),
                    double d => JsonValue.Create(Math.Round(d, 6)),
                    _ => JsonValue.Create(value.ToString()),
                };
            }

            return data;
        }

        vars.Add(new("/sys/devices/11/meter/data", Pack(DeviceFields.Meter(snapshot.Production))));
        vars.Add(new("/sys/devices/12/meter/data", Pack(DeviceFields.Meter(snapshot.Consumption))));
        foreach (var i in snapshot.Inverters)
        {
            vars.Add(new($"/sys/devices/{21 + i.Id.Index}/inverter/data", Pack(DeviceFields.Inverter(i))));
        }

        if (snapshot.Ess is { } ess && essInventory is not null)
        {
            vars.Add(new("/sys/devices/5/ess/data", Pack(DeviceFields.Ess(ess, essInventory))));
            vars.Add(new("/sys/devices/6/transfer_switch/data", Pack(DeviceFields.TransferSwitch(snapshot, essInventory))));
        }
    }

    private static string FlatValue(object value) => value switch
    {
        string s => s,
        int n => Integer(n),
        double d => Float(d),
        _ => value.ToString() ?? "",
    };
}
