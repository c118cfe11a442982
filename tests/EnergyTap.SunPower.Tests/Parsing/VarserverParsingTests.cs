using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Tests.Support;
using EnergyTap.SunPower.Varserver;

namespace EnergyTap.SunPower.Tests.Parsing;

public class VarserverParsingTests
{
    [Fact]
    public void Flat_variables_map_to_the_same_device_model()
    {
        var variables = VarsParser.Parse(Fixture.Bytes("vars-devices-flat.json"), "test");
        var devices = VarserverDeviceMapper.MapDevices(variables);
        var snapshot = new PvsDeviceSnapshot(devices, PvsGeneration.Varserver, DateTimeOffset.UnixEpoch);

        Assert.Equal(2, snapshot.Inverters.Count());
        var first = snapshot.Inverters.First(i => i.Serial == "E00122125092032");
        Assert.Equal(new Quantity(0.25, PvsUnit.Kilowatt), first.AcPower);
        Assert.Equal(41, first.HeatsinkTemperature!.Value.Value);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 18, 30, 0, TimeSpan.Zero), first.DataTime);
        Assert.True(first.IsWorking);
        Assert.Null(first.StateText);

        Assert.Equal(0.86, snapshot.ProductionMeter!.Power!.Value.Value);
        Assert.Equal(PvsMeterRole.Consumption, snapshot.ConsumptionMeter!.Role);
        Assert.Null(snapshot.ConsumptionMeter.Current1); // "nan"
        Assert.Equal(240.1, snapshot.ConsumptionMeter.Voltage12!.Value.Value);

        var ess = Assert.Single(devices.OfType<PvsEnergyStorageSystem>());
        Assert.Equal(85, ess.StateOfCharge!.Value.Value, 6);
        Assert.Equal(98, ess.StateOfHealth!.Value.Value, 6);
        Assert.Equal(85, snapshot.Battery.StateOfCharge!.Value.Value, 6);
        Assert.Equal(-1.2, snapshot.Battery.Power!.Value.Value, 6);
        Assert.Equal("CLOSED", Assert.Single(devices.OfType<PvsHubPlus>()).MidState);
        Assert.Equal(0.49, snapshot.VirtualProductionMeter.Power.Value, 6);
    }

    [Fact]
    public void Older_per_device_json_objects_are_accepted_as_objects_or_strings()
    {
        var variables = VarsParser.Parse(Fixture.Bytes("vars-devices-per-device.json"), "test");
        var devices = VarserverDeviceMapper.MapDevices(variables);

        var meters = devices.OfType<PvsPowerMeter>().ToList();
        Assert.Equal(2, meters.Count);
        Assert.Equal(1.5, meters.Single(m => m.Role == PvsMeterRole.Production).Power!.Value.Value);
        Assert.Equal(0.3, meters.Single(m => m.Role == PvsMeterRole.Consumption).Power!.Value.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751393400), meters[0].DataTime);
        Assert.Equal("E001", Assert.Single(devices.OfType<PvsInverter>()).Serial);
    }

    [Fact]
    public void Supervisor_and_livedata_come_from_sys_info_and_sys_livedata()
    {
        var variables = VarsParser.Parse(Fixture.Bytes("vars-info-livedata.json"), "test");
        var supervisor = VarserverDeviceMapper.MapSupervisor(variables)!;
        Assert.Equal("ZT221585000549W1234", supervisor.Serial);
        Assert.Equal(61845, supervisor.Build);
        Assert.Equal(12345.67, supervisor.Uptime!.Value.Value);
        Assert.Equal(new Quantity(41, PvsUnit.Percent), supervisor.RamUsage);

        var live = LiveDataParser.FromVariables(variables.Where(v => v.Key.StartsWith("/sys/livedata", StringComparison.Ordinal)).ToDictionary(), PvsLiveDataSource.Varserver);
        Assert.Equal(new Quantity(3.214, PvsUnit.Kilowatt), live.PvPower);
        Assert.Equal(-1.1, live.NetPower!.Value.Value);
        Assert.Equal(new Quantity(13134.1, PvsUnit.KilowattHour), live.SiteLoadEnergy);
        Assert.Null(live.StateOfCharge); // no ESS: "nan"
        Assert.Null(live.EssPower);
        Assert.Equal(0, live.MidState);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751393400), live.Time);
    }

    [Fact]
    public void Values_array_form_and_object_form_read_the_same()
    {
        var array = VarsParser.Parse("""{"values":[{"name":"/sys/info/model","value":"PVS6"}],"count":1}"""u8.ToArray(), "t");
        var obj = VarsParser.Parse("""{"/sys/info/model":"PVS6"}"""u8.ToArray(), "t");
        Assert.Equal(array, obj);
    }

    [Fact]
    public void Telemetry_power_notifications_become_livedata()
    {
        var live = VarserverTelemetry.Parse("""{"notification":"power","params":{"time":1751393400,"pv_p":2.5,"net_p":-0.5,"soc":0.42}}"""u8);
        Assert.NotNull(live);
        Assert.Equal(PvsLiveDataSource.Telemetry, live.Source);
        Assert.Equal(2.5, live.PvPower!.Value.Value);
        Assert.Equal(42, live.StateOfCharge!.Value.Value, 6);
        Assert.Null(VarserverTelemetry.Parse("""{"notification":"other","params":{}}"""u8));
        Assert.Null(VarserverTelemetry.Parse("""{"notif"""u8));
    }

    [Fact]
    public void Legacy_livedata_is_derived_from_the_meters()
    {
        var devices = DeviceListParser.Parse(Fixture.Bytes("devicelist-day.json"));
        var live = LiveDataParser.FromDeviceList(new PvsDeviceSnapshot(devices, PvsGeneration.Legacy, DateTimeOffset.UnixEpoch));
        Assert.Equal(PvsLiveDataSource.DeviceList, live.Source);
        Assert.Equal(1.9867, live.PvPower!.Value.Value);
        Assert.Equal(-1.55, live.NetPower!.Value.Value);
        Assert.Equal(1.9867 - 1.55, live.SiteLoadPower!.Value.Value, 6);
        Assert.Equal(198.92 - 65.65, live.SiteLoadEnergy!.Value.Value, 6);
    }
}
