using System.Text.Json.Nodes;

namespace EnergyTap.Simulators.Pvs.Payloads;

/// <summary>energy-storage-system/status: per-component readings as {value, unit} pairs.</summary>
internal static class EssStatusPayload
{
    public static JsonObject Build(PvsInventory inventory, PvsSnapshot snapshot)
    {
        if (inventory.Ess is not { } ess || snapshot.Ess is not { } battery)
        {
            return new JsonObject { ["ess_report"] = new JsonObject(), ["errors"] = new JsonArray() };
        }

        var updated = snapshot.Ess.DataTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var batteries = new JsonArray();
        foreach (var serial in ess.BatterySerials)
        {
            batteries.Add(new JsonObject
            {
                ["serial_number"] = serial,
                ["last_updated"] = updated,
                ["battery_amperage"] = Value(battery.PKw * 1000 / battery.BatteryV / ess.BatterySerials.Count, "A"),
                ["battery_voltage"] = Value(battery.BatteryV, "V"),
                ["state_of_charge"] = Value(battery.Soc * 100, "%"),
                ["temperature"] = Value(battery.MaxCellC, "C"),
            });
        }

        return new JsonObject
        {
            ["ess_report"] = new JsonObject
            {
                ["last_updated"] = updated,
                ["battery_status"] = batteries,
                ["ess_status"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["serial_number"] = ess.SystemSerial,
                        ["last_updated"] = updated,
                        ["enclosure_humidity"] = Value(20, "%"),
                        ["enclosure_temperature"] = Value(battery.InverterC - 8, "C"),
                        ["ess_meter_reading"] = new JsonObject
                        {
                            ["last_updated"] = updated,
                            ["agg_power"] = Value(battery.PKw, "kW"),
                        },
                    },
                },
                ["inverter_status"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["serial_number"] = ess.InverterSerial,
                        ["last_updated"] = updated,
                        ["a_n_voltage"] = Value(battery.V1nV, "V"),
                        ["b_n_voltage"] = Value(battery.V2nV, "V"),
                        ["ac_power"] = Value(battery.PKw, "kW"),
                        ["temperature"] = Value(battery.InverterC, "C"),
                    },
                },
                ["hub_plus_status"] = new JsonObject
                {
                    ["serial_number"] = ess.HubSerial,
                    ["last_updated"] = updated,
                    ["contactor_position"] = "CLOSED",
                    ["contactor_error"] = "NONE",
                    ["grid_voltage_state"] = "METER_VOLTAGE_IN_RANGE",
                    ["grid_frequency_state"] = "METER_FREQ_IN_RANGE",
                },
                ["ess_state"] = new JsonObject
                {
                    ["storage_controller_status"] = "RUNNING",
                    ["operational_mode"] = battery.OperatingMode,
                    ["permission_to_operate"] = true,
                },
            },
            ["errors"] = new JsonArray(),
        };
    }

    private static JsonObject Value(double value, string unit) => new() { ["value"] = Math.Round(value, 3), ["unit"] = unit };
}
