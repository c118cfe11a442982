using System.Net;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

/// <summary>The shapes in which real PVS units answer detection: no supervisor/info, and old builds answering 403 on the LocalAPI paths.</summary>
public class BridgeModesTests
{
    [Fact]
    public async Task Without_supervisor_info_the_path_answers_404_and_DeviceList_still_works()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 2, SupervisorInfoMissing = true });

        Assert.Equal("http", host.Http.BaseAddress!.Scheme);
        await host.GetJsonAsync("cgi-bin/dl_cgi/supervisor/info", HttpStatusCode.NotFound);
        var list = await host.DeviceListAsync();
        Assert.Equal("succeed", list.GetProperty("result").GetString());
    }

    [Fact]
    public async Task LocalAPI_firmware_without_supervisor_info_still_tells_its_serial()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 1, SupervisorInfoMissing = true });

        await host.GetJsonAsync("cgi-bin/dl_cgi/supervisor/info", HttpStatusCode.NotFound);
        var obj = await host.GetJsonAsync("vars?name=/sys/info/serialnum&fmt=obj");
        Assert.Equal(host.Simulator.Serial, obj.GetProperty("/sys/info/serialnum").GetString());
    }

    [Fact]
    public async Task Old_firmware_can_answer_403_on_the_LocalAPI_paths_while_dl_cgi_works()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 2, LocalApiForbidden = true, SupervisorInfoMissing = true });

        var forbidden = await host.GetJsonAsync("vars?name=/sys/info/serialnum", HttpStatusCode.Forbidden);
        Assert.Equal(403, forbidden.GetProperty("status").GetInt32());
        await host.GetJsonAsync("auth?login", HttpStatusCode.Forbidden);
        Assert.Equal("succeed", (await host.DeviceListAsync()).GetProperty("result").GetString());
        Assert.Equal("succeed", (await host.GetJsonAsync("cgi-bin/dl_cgi?Command=GridProfileGet")).GetProperty("result").GetString());
    }

    [Fact]
    public void LocalApiForbidden_is_only_for_legacy_firmware()
    {
        Assert.Throws<ArgumentException>(() => new PvsSimulator(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, LocalApiForbidden = true }));
    }
}
