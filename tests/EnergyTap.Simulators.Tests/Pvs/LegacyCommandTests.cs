using System.Text.Json;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public class LegacyCommandTests
{
    [Fact]
    public async Task Every_seed_command_answers_in_its_documented_shape()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 3 });
        var serial = host.Simulator.Serial;

        var start = await host.GetJsonAsync("cgi-bin/dl_cgi?Command=Start");
        Assert.Equal("succeed", start.GetProperty("result").GetString());
        Assert.Equal(serial, start.GetProperty("supervisor").GetProperty("SERIAL").GetString());
        Assert.Equal(41001, start.GetProperty("supervisor").GetProperty("BUILD").GetInt32());

        Assert.Equal("succeed", (await host.GetJsonAsync("cgi-bin/dl_cgi?Command=Stop")).GetProperty("result").GetString());
        var comm = await host.GetJsonAsync($"cgi-bin/dl_cgi?Command=Get_Comm&SerialNumber={serial}");
        Assert.Contains(comm.GetProperty("networkstatus").GetProperty("interfaces").EnumerateArray(), i => i.GetProperty("interface").GetString() == "wan");
        Assert.Equal("none", (await host.GetJsonAsync("cgi-bin/dl_cgi?Command=CheckFW&type=residential")).GetProperty("url").GetString());
        Assert.Equal("unknown command", (await host.GetJsonAsync($"cgi-bin/dl_cgi?Command=DeviceDetails&SerialNumber={serial}")).GetProperty("result").GetString());

        var profile = await host.GetJsonAsync("cgi-bin/dl_cgi?Command=GridProfileGet");
        Assert.Equal(profile.GetProperty("active_id").GetString(), profile.GetProperty("pending_id").GetString());
        var profiles = (await host.GetJsonAsync("cgi-bin/dl_cgi?Command=GridProfileRefresh")).GetProperty("profiles").EnumerateArray().ToList();
        Assert.Contains(profiles, p => p.GetProperty("zipcodes").EnumerateArray().Any(z => z.ValueKind == JsonValueKind.Object));
        Assert.Contains(profiles, p => p.GetProperty("zipcodes").EnumerateArray().Any(z => z.ValueKind == JsonValueKind.Number));

        Assert.Equal("null", (await host.GetJsonAsync("cgi-bin/dl_cgi?Command=GetCellPurchased")).GetProperty("cell_purchased").GetString());
        Assert.Equal("succeed", (await host.GetJsonAsync($"cgi-bin/dl_cgi?Command=SetCellPurchased&SerialNumber={serial}")).GetProperty("result").GetString());
        var discovery = await host.GetJsonAsync("cgi-bin/dl_cgi?Command=GetDiscoveryProgress");
        Assert.True(discovery.GetProperty("complete").GetBoolean());
        Assert.Contains(discovery.GetProperty("progress").EnumerateArray(), p => p.GetProperty("NFOUND").GetInt32() == 3);
        Assert.Equal("unknown command", (await host.GetJsonAsync("cgi-bin/dl_cgi?Command=NoSuchThing")).GetProperty("result").GetString());

        Assert.Equal(1, host.Simulator.Requests["Command=Start"]);
        Assert.Equal(11, host.Simulator.Requests.Total);
    }

    [Fact]
    public async Task Rest_paths_give_supervisor_info_and_the_same_device_list()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 2, Politeness = PvsPolitenessOptions.Disabled });

        var info = (await host.GetJsonAsync("cgi-bin/dl_cgi/supervisor/info")).GetProperty("supervisor");
        Assert.Equal("PVS6", info.GetProperty("MODEL").GetString());
        Assert.Equal(41001, info.GetProperty("BUILD").GetInt32());

        var rest = await host.GetJsonAsync("cgi-bin/dl_cgi/devices/list");
        var legacy = await host.DeviceListAsync();
        Assert.Equal(legacy.GetRawText(), rest.GetRawText());
        Assert.Equal(1, host.Simulator.Requests[PvsRequestCounters.DevicesListPath]);
        Assert.Equal(2, host.Simulator.Requests.DeviceLists);

        Assert.Equal("On", (await host.GetJsonAsync("cgi-bin/dl_cgi/network/powerProduction")).GetProperty("powerProduction").GetString());
        Assert.Equal("succeed", (await host.GetJsonAsync("cgi-bin/dl_cgi/communication/interfaces")).GetProperty("result").GetString());
        await host.GetJsonAsync("cgi-bin/dl_cgi/no/such/path", System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pvs5_puts_the_build_inside_swver_only()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Model = PvsModel.PVS5, Firmware = PvsFirmware.Varserver });

        var info = (await host.GetJsonAsync("cgi-bin/dl_cgi/supervisor/info")).GetProperty("supervisor");

        Assert.Equal("PVS5", info.GetProperty("MODEL").GetString());
        Assert.False(info.TryGetProperty("BUILD", out _));
        Assert.EndsWith("Build 5412", info.GetProperty("SWVER").GetString());
        Assert.Null(host.Simulator.TelemetryUrl);
    }

    [Fact]
    public async Task Ess_status_reports_battery_state_of_charge()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Ess = true, Inverters = 1 });

        var report = (await host.GetJsonAsync("cgi-bin/dl_cgi/energy-storage-system/status")).GetProperty("ess_report");

        var batteries = report.GetProperty("battery_status").EnumerateArray().ToList();
        Assert.Equal(2, batteries.Count);
        Assert.InRange(batteries[0].GetProperty("state_of_charge").GetProperty("value").GetDouble(), 1, 100);
        Assert.Equal("SELF_CONSUMPTION", report.GetProperty("ess_state").GetProperty("operational_mode").GetString());
    }
}
