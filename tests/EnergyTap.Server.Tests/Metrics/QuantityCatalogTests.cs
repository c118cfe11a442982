using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Tests.Metrics;

public sealed class QuantityCatalogTests
{
    [Theory]
    [InlineData("solar_power", "W", "energytap_solar_power_watts", "power", "measurement")]
    [InlineData("grid_power", "W", "energytap_grid_power_watts", "power", "measurement")]
    [InlineData("battery_soc", "%", "energytap_battery_soc_percent", "battery", "measurement")]
    [InlineData("battery_temperature", "°C", "energytap_battery_temperature_celsius", "temperature", "measurement")]
    [InlineData("battery_current", "A", "energytap_battery_current_amperes", "current", "measurement")]
    [InlineData("meter_frequency", "Hz", "energytap_meter_frequency_hertz", "frequency", "measurement")]
    [InlineData("meter_voltage", "V", "energytap_meter_voltage_volts", "voltage", "measurement")]
    [InlineData("inverter_energy", "Wh", "energytap_inverter_energy_joules_total", "energy", "total_increasing")]
    [InlineData("battery_energy_discharged", "Wh", "energytap_battery_energy_discharged_joules_total", "energy", "total_increasing")]
    [InlineData("supervisor_uptime", "s", "energytap_supervisor_uptime_seconds_total", "duration", "total_increasing")]
    public void Known_quantities_carry_prometheus_and_home_assistant_names(
        string quantity, string unit, string metric, string deviceClass, string stateClass)
    {
        var info = QuantityCatalog.Describe(quantity, unit);

        Assert.True(info.IsKnown);
        Assert.Equal(metric, info.MetricName);
        Assert.Equal(deviceClass, info.DeviceClass);
        Assert.Equal(stateClass, info.StateClass);
    }

    [Fact]
    public void Every_requested_quantity_is_in_the_catalog_with_its_base_unit()
    {
        string[] required =
        [
            "solar_power", "home_load_power", "grid_power", "battery_power", "battery_soc", "battery_soh", "battery_voltage",
            "battery_current", "battery_temperature", "generator_power", "v2l_power", "inverter_power", "inverter_energy",
            "inverter_temperature", "meter_power", "meter_energy_import", "meter_energy_export", "meter_frequency",
            "meter_voltage", "solar_energy", "home_load_energy", "grid_energy_import", "grid_energy_export",
            "battery_energy_charged", "battery_energy_discharged", "supervisor_uptime", "poll_duration",
        ];

        foreach (var quantity in required)
        {
            Assert.True(QuantityCatalog.Known.ContainsKey(quantity), quantity);
        }

        Assert.All(QuantityCatalog.Known.Values, info =>
        {
            // 1/0 states (grid_connected) have no unit; everything else a base unit.
            Assert.Contains(info.Unit, info.IsBinary ? new[] { "" } : new[] { "W", "Wh", "V", "A", "Hz", "%", "°C", "s" });
            Assert.Equal(info.Kind == QuantityKind.Counter, info.MetricName.EndsWith("_total", StringComparison.Ordinal));
            Assert.Equal(info.Unit == "Wh", info.DeviceClass == "energy");
        });
    }

    [Fact]
    public void Sign_conventions_are_documented_in_the_help_text()
    {
        Assert.Contains("positive = import", QuantityCatalog.Known["grid_power"].Description, StringComparison.Ordinal);
        Assert.Contains("positive = discharging", QuantityCatalog.Known["battery_power"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_quantity_or_unexpected_unit_is_a_generic_gauge_named_after_its_own_unit()
    {
        var unknown = QuantityCatalog.Describe("string_count", "");
        Assert.False(unknown.IsKnown);
        Assert.Null(unknown.DeviceClass);
        Assert.Equal("measurement", unknown.StateClass);
        Assert.Equal("energytap_string_count", unknown.MetricName);

        var otherUnit = QuantityCatalog.Describe("solar_power", "kW");
        Assert.False(otherUnit.IsKnown);
        Assert.Equal("energytap_solar_power_kw", otherUnit.MetricName);
        Assert.Equal("Solar power", otherUnit.DisplayName);
    }

    [Theory]
    [InlineData("battery_soc", "%", "Battery state of charge")]
    [InlineData("battery_soh", "%", "Battery state of health")]
    [InlineData("pv_dc_power", "W", "PV DC power")]
    [InlineData("v2l_power", "W", "V2L power")]
    [InlineData("grid_connected", "", "Grid connected")]
    public void Home_assistant_names_write_abbreviations_out(string quantity, string unit, string expected) =>
        Assert.Equal(expected, QuantityCatalog.Describe(quantity, unit).DisplayName);
}
