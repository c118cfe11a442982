using System.Globalization;
using System.Net;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public class PolitenessTests
{
    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(PvsTestHost host, string url)
    {
        using var response = await host.Http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeviceList_too_soon_opens_a_503_window_then_the_pvs_comes_back_restarted()
    {
        var politeness = new PvsPolitenessOptions { MinDeviceListInterval = TimeSpan.FromSeconds(60), OutageDuration = TimeSpan.FromMinutes(4) };
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 2, Politeness = politeness });
        var before = await host.DeviceListAsync();
        var uptimeBefore = long.Parse(before.GetProperty("devices")[0].GetProperty("dl_uptime").GetString()!, CultureInfo.InvariantCulture);

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var crashed = await GetAsync(host, "cgi-bin/dl_cgi?Command=DeviceList");
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        var stillDown = await GetAsync(host, "cgi-bin/dl_cgi/supervisor/info");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, crashed.Status);
        Assert.Contains("No server is available", crashed.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stillDown.Status);
        Assert.True(host.Simulator.IsDown);

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var after = await host.DeviceListAsync();
        var uptimeAfter = long.Parse(after.GetProperty("devices")[0].GetProperty("dl_uptime").GetString()!, CultureInfo.InvariantCulture);

        Assert.True(uptimeBefore > 80_000);
        Assert.InRange(uptimeAfter, 0, 300);
        Assert.Equal(1, host.Simulator.Restarts);
        Assert.Equal(3, host.Simulator.Requests[PvsRequestCounters.DeviceListCommand]);
    }

    [Fact]
    public async Task Too_many_requests_per_minute_crash_the_pvs()
    {
        var politeness = new PvsPolitenessOptions { MaxRequestsPerMinute = 5 };
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1, Politeness = politeness });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await GetAsync(host, "cgi-bin/dl_cgi/supervisor/info")).Status);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
    }

    [Fact]
    public async Task Polite_polling_never_crashes()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1 });

        for (var i = 0; i < 5; i++)
        {
            await host.DeviceListAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(0, host.Simulator.Restarts);
        Assert.False(host.Simulator.IsDown);
    }

    [Fact]
    public async Task A_second_devices_list_while_one_is_processing_gets_503_busy()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1, DeviceListDelay = TimeSpan.FromSeconds(7) });

        var first = host.Http.GetAsync("cgi-bin/dl_cgi/devices/list");
        await WaitUntilAsync(() => host.Simulator.DeviceListInProgress);
        var second = await GetAsync(host, "cgi-bin/dl_cgi/devices/list");
        host.Clock.Advance(TimeSpan.FromSeconds(7));
        using var firstResponse = await first;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Contains("processing", second.Body);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Contains("\"result\":\"succeed\"", await firstResponse.Content.ReadAsStringAsync());
        Assert.Equal(0, host.Simulator.Restarts);
        Assert.Equal(2, host.Simulator.Requests.MaxConcurrent);
    }

    [Fact]
    public async Task Sequential_requests_never_overlap()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1 });

        for (var i = 0; i < 3; i++)
        {
            await host.GetJsonAsync("cgi-bin/dl_cgi/supervisor/info");
        }

        Assert.Equal(1, host.Simulator.Requests.MaxConcurrent);
        Assert.Equal(3, host.Simulator.Requests[PvsRequestCounters.SupervisorInfoPath]);
    }

    [Fact]
    public async Task Reboot_forces_the_outage_and_restart()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1 });

        host.Simulator.Reboot();
        var during = await GetAsync(host, "cgi-bin/dl_cgi/supervisor/info");
        host.Clock.Advance(new PvsPolitenessOptions().OutageDuration);
        var after = await GetAsync(host, "cgi-bin/dl_cgi/supervisor/info");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.True(host.Simulator.Uptime < TimeSpan.FromSeconds(1));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
