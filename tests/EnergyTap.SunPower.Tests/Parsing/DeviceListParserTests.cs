using System.Text;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Parsing;

public class DeviceListParserTests
{
    [Fact]
    public void Daytime_list_gives_typed_supervisor_meters_and_working_inverters()
    {
        var devices = DeviceListParser.Parse(Fixture.Bytes("devicelist-day.json"));
        var snapshot = new PvsDeviceSnapshot(devices, PvsGeneration.Legacy, DateTimeOffset.UnixEpoch);

        var supervisor = Assert.IsType<PvsSupervisor>(devices[0]);
        Assert.Equal("ZT01234567890ABCDEF", supervisor.Serial);
        Assert.Equal(new Quantity(2181, PvsUnit.Second), supervisor.Uptime);
        Assert.Equal(4150, supervisor.Build);
        Assert.Equal(1234567890, supervisor.PanId);
        Assert.Equal(new DateTimeOffset(2019, 5, 11, 16, 50, 0, TimeSpan.Zero), supervisor.DataTime);

        Assert.Equal(new Quantity(1.9867, PvsUnit.Kilowatt), snapshot.ProductionMeter!.Power);
        Assert.Equal(PvsMeterRole.Consumption, snapshot.ConsumptionMeter!.Role);
        Assert.Equal(-1.55, snapshot.ConsumptionMeter.Power!.Value.Value);
        Assert.Equal("1.987 kW", snapshot.ProductionMeter.Power!.Value.ToString());

        var inverters = snapshot.Inverters.ToList();
        Assert.Equal(3, inverters.Count);
        Assert.All(inverters, i => Assert.True(i.IsWorking));
        Assert.Equal(0.1282, inverters[0].DcPower!.Value.Value);
        Assert.Equal("P07M01234567", inverters[0].ModuleSerial);

        var virtualMeter = snapshot.VirtualProductionMeter;
        Assert.Equal(0.125 + 0.1271 + 0.125, virtualMeter.Power.Value, 6);
        Assert.Equal(13.0464 + 13.0527 + 12.7868, virtualMeter.LifetimeEnergy!.Value.Value, 6);
        Assert.Equal(3, virtualMeter.Reporting);
    }

    [Fact]
    public void Night_inverter_is_in_error_with_no_metrics_and_unknown_fields_are_kept()
    {
        var devices = DeviceListParser.Parse(Fixture.Bytes("devicelist-night-sunvault.json"));
        var inverter = Assert.Single(devices.OfType<PvsInverter>());

        Assert.Equal(PvsDeviceState.Error, inverter.State);
        Assert.False(inverter.IsWorking);
        Assert.Null(inverter.AcPower);
        Assert.Null(inverter.LifetimeEnergy);
        Assert.Equal("SPR-X22-360-E-AC", inverter.Panel);
        Assert.Equal("data_logger", inverter.Fields["origin"]);
        Assert.Equal("", inverter.Fields["NMPLT_SKU"]);

        var snapshot = new PvsDeviceSnapshot(devices, PvsGeneration.Legacy, DateTimeOffset.UnixEpoch);
        Assert.Equal(0, snapshot.VirtualProductionMeter.Power.Value);
        Assert.Equal(0, snapshot.VirtualProductionMeter.Reporting);
        Assert.Equal(-0.0151, snapshot.ProductionMeter!.Power!.Value.Value); // inverter self-consumption at night
        Assert.Equal(233.0139, snapshot.ConsumptionMeter!.Voltage12!.Value.Value);
        Assert.Equal("NET_CONSUMPTION_LOADSIDE", snapshot.ConsumptionMeter.Subtype);
    }

    [Fact]
    public void Every_SunVault_device_type_gets_its_own_model()
    {
        var devices = DeviceListParser.Parse(Fixture.Bytes("devicelist-night-sunvault.json"));
        var kinds = devices.Select(d => d.Kind).ToHashSet();
        foreach (var kind in new[] { PvsDeviceKind.HubPlus, PvsDeviceKind.EssHub, PvsDeviceKind.PvDisconnect, PvsDeviceKind.Gateway,
                     PvsDeviceKind.StorageInverter, PvsDeviceKind.EssBms, PvsDeviceKind.Battery, PvsDeviceKind.EnergyStorageSystem })
        {
            Assert.Contains(kind, kinds);
        }

        var hub = Assert.Single(devices.OfType<PvsEssHub>());
        Assert.Equal(new Quantity(36, PvsUnit.Celsius), hub.Temperature);
        Assert.Equal(11.43, hub.DcDcSupplyVoltage!.Value.Value);
        Assert.False(hub.FanActive);
        Assert.Equal(2112, hub.EventHistory);
        Assert.Equal("00001ABC1234_01234567890ABCDEF", hub.Parent);

        var disconnect = Assert.Single(devices.OfType<PvsPvDisconnect>());
        Assert.Equal(0, disconnect.RelayMode);
        Assert.Equal(122.8, disconnect.PvVoltage1N!.Value.Value);
        Assert.Equal("d8:a9:ab:cd:12:34", Assert.Single(devices.OfType<PvsGateway>()).MacAddress);
        Assert.Equal("220", Assert.Single(devices.OfType<PvsHubPlus>()).Fields["slave"]);

        var snapshot = new PvsDeviceSnapshot(devices, PvsGeneration.Legacy, DateTimeOffset.UnixEpoch);
        Assert.Equal(9, snapshot.StorageDevices.Count());
        Assert.Equal(2, snapshot.Battery.BatteryModules);
        Assert.Null(snapshot.Battery.StateOfCharge); // dl_cgi carries no ESS metrics
    }

    [Theory]
    [InlineData("\"1.5\"", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("\" 2 \"", 2.0)]
    public void Numbers_arrive_as_strings_or_numbers(string json, double expected)
    {
        var body = $$"""{"devices":[{"DEVICE_TYPE":"Inverter","SERIAL":"E1","STATE":"working","p_3phsum_kw":{{json}}}],"result":"succeed"}""";
        var inverter = Assert.IsType<PvsInverter>(Assert.Single(DeviceListParser.Parse(Encoding.UTF8.GetBytes(body))));
        Assert.Equal(expected, inverter.AcPower!.Value.Value);
    }

    [Theory]
    [InlineData("\"nan\"")]
    [InlineData("\"garbage\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("{\"x\":1}")]
    public void Unreadable_values_become_absent_without_losing_the_device(string json)
    {
        var body = $$"""{"devices":[{"DEVICE_TYPE":"Power Meter","SERIAL":"M1p","freq_hz":{{json}},"p_3phsum_kw":"0.5"}],"result":"succeed"}""";
        var meter = Assert.IsType<PvsPowerMeter>(Assert.Single(DeviceListParser.Parse(Encoding.UTF8.GetBytes(body))));
        Assert.Null(meter.Frequency);
        Assert.Equal(0.5, meter.Power!.Value.Value);
        Assert.Equal(PvsMeterRole.Production, meter.Role);
    }

    [Fact]
    public void Unknown_device_types_are_kept_with_their_fields()
    {
        var body = """{"devices":[{"DEVICE_TYPE":"MET Station","SERIAL":"X1","wind":"3"}, 42, "junk"],"result":"succeed"}""";
        var device = Assert.IsType<PvsUnknownDevice>(Assert.Single(DeviceListParser.Parse(Encoding.UTF8.GetBytes(body))));
        Assert.Equal("MET Station", device.DeviceType);
        Assert.Equal("3", device.Fields["wind"]);
    }

    [Theory]
    [InlineData("""{"devices":[],"result":"error"}""", "result \"error\"")]
    [InlineData("""{"devices":[{"SERIAL":"a"}""", "truncated")]
    [InlineData("""{"result":"succeed"}""", "no \"devices\"")]
    [InlineData("""{"devices":[{"SERIAL":"a"}]}""", "no \"result\"")]
    [InlineData("", "empty")]
    [InlineData("<html>503</html>", "invalid")]
    public void Broken_answers_are_protocol_errors(string body, string expected)
    {
        var error = Assert.Throws<PvsProtocolException>(() => DeviceListParser.Parse(Encoding.UTF8.GetBytes(body)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Unknown_command_answers_are_not_supported_errors()
    {
        Assert.Throws<PvsCommandNotSupportedException>(() => DeviceListParser.Parse("""{"result":"unknown command"}"""u8.ToArray()));
    }
}
