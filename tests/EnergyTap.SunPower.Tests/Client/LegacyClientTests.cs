using System.Net;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Tests.Politeness;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Client;

public class LegacyClientTests
{
    private const string DeviceList = "/cgi-bin/dl_cgi?Command=DeviceList";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakePvs _pvs = new FakePvs()
        .OnJson("/cgi-bin/dl_cgi/supervisor/info", FakeClient.SupervisorInfo("ZT01234567890ABCDEF", 41001))
        .OnJson(DeviceList, Fixture.Text("devicelist-day.json"));

    private Task<PvsClient> Connect() => PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time));

    [Fact]
    public async Task An_address_is_enough_for_legacy_firmware()
    {
        await using var client = await Connect();
        Assert.Equal(PvsGeneration.Legacy, client.Generation);
        Assert.Equal(41001, client.SupervisorInfo!.Build);

        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(3, snapshot.Inverters.Count());
        var live = await client.GetLiveDataAsync();
        Assert.Equal(PvsLiveDataSource.DeviceList, live.Source);
        Assert.Equal(1, _pvs.Count(DeviceList)); // livedata came from the cached device list
    }

    [Fact]
    public async Task Many_concurrent_readers_cause_one_DeviceList_and_never_overlap()
    {
        await using var client = await Connect();
        _pvs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readers = Enumerable.Range(0, 100).Select(_ => client.GetDevicesAsync()).ToList();
        await PolitenessTests.WaitUntil(() => _pvs.Count(DeviceList) == 1);
        _pvs.Gate.SetResult();
        await Task.WhenAll(readers);

        Assert.Equal(1, _pvs.Count(DeviceList));
        Assert.Equal(1, _pvs.MaxInFlight);
        await client.GetDevicesAsync();
        Assert.Equal(1, _pvs.Count(DeviceList));
        Assert.True(client.Stats.CacheHits >= 100);
    }

    [Fact]
    public async Task The_cache_expires_after_the_next_PVS_refresh()
    {
        await using var client = await Connect(); // clock at 12:00:00
        await client.GetDevicesAsync();
        _time.Advance(TimeSpan.FromMinutes(4));
        await client.GetDevicesAsync();
        Assert.Equal(1, _pvs.Count(DeviceList));
        _time.Advance(TimeSpan.FromMinutes(1.5)); // 12:05:30, past 12:05 + grace
        await client.GetDevicesAsync();
        Assert.Equal(2, _pvs.Count(DeviceList));
    }

    [Fact]
    public async Task A_503_storm_backs_off_without_more_requests()
    {
        await using var client = await Connect();
        _pvs.On(DeviceList, _ => Task.FromResult(FakePvs.ServiceUnavailable()));

        var first = await Assert.ThrowsAsync<PvsUnavailableException>(() => client.GetDevicesAsync());
        Assert.Contains("503", first.Message, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), first.RetryAfter);
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<PvsUnavailableException>(() => client.GetDevicesAsync());
        }

        Assert.Equal(1, _pvs.Count(DeviceList));
        _time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<PvsUnavailableException>(() => client.GetDevicesAsync());
        Assert.Equal(2, _pvs.Count(DeviceList));
        Assert.Equal(2, client.Stats.ConsecutiveFailures);
        Assert.Equal(_time.GetUtcNow().AddSeconds(60), client.Stats.BackingOffUntil); // doubled

        _pvs.OnJson(DeviceList, Fixture.Text("devicelist-day.json"));
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(3, (await client.GetDevicesAsync()).Inverters.Count());
        Assert.Equal(0, client.Stats.ConsecutiveFailures);
    }

    [Fact]
    public async Task A_hanging_PVS_times_out_instead_of_hanging_the_caller()
    {
        await using var client = await Connect();
        _pvs.On(DeviceList, async request =>
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return FakePvs.Json("{}");
        });
        var read = client.GetDevicesAsync();
        await PolitenessTests.WaitUntil(() => _pvs.Count(DeviceList) == 1 && _time.ArmedTimers > 0);
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(read.IsCompleted); // DeviceList may legitimately take over a minute
        _time.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<PvsTimeoutException>(() => read);
        Assert.Contains("120 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_JSON_is_a_protocol_error()
    {
        await using var client = await Connect();
        _pvs.OnJson(DeviceList, Fixture.Text("devicelist-day.json")[..500]);
        await Assert.ThrowsAsync<PvsProtocolException>(() => client.GetDevicesAsync());
    }

    [Fact]
    public async Task A_403_on_the_old_command_says_the_firmware_needs_the_login()
    {
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time) with { Generation = PvsGeneration.Legacy });
        _pvs.OnJson(DeviceList, """{"status":403,"error":"Unauthorized"}""", HttpStatusCode.Forbidden);
        var error = await Assert.ThrowsAsync<PvsAuthenticationException>(() => client.GetDevicesAsync());
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_is_detected_from_dl_uptime_going_down()
    {
        await using var client = await Connect();
        double? seen = null;
        client.RebootDetected += (_, uptime) => seen = uptime;
        await client.GetDevicesAsync();
        _pvs.OnJson(DeviceList, Fixture.Text("devicelist-day.json").Replace("\"dl_uptime\": \"2181\"", "\"dl_uptime\": \"35\"", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromMinutes(6));
        await client.GetDevicesAsync();
        Assert.Equal(35, seen);
        Assert.Equal(1, client.Stats.RebootsDetected);
    }

    [Fact]
    public async Task Inverters_missing_after_a_night_discovery_are_reported_and_reprobed()
    {
        await using var client = await Connect();
        await client.GetDevicesAsync();
        var withoutOne = System.Text.Json.Nodes.JsonNode.Parse(Fixture.Text("devicelist-day.json"))!;
        withoutOne["devices"]!.AsArray().RemoveAt(5);
        _pvs.OnJson(DeviceList, withoutOne.ToJsonString());
        _time.Advance(TimeSpan.FromMinutes(6));

        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(["E00121852034919"], snapshot.MissingInverters);
        _time.Advance(TimeSpan.FromMinutes(5)); // the re-probe comes before the usual window would
        await client.GetDevicesAsync();
        Assert.Equal(3, _pvs.Count(DeviceList));
    }

    [Fact]
    public async Task Every_dl_cgi_command_is_available()
    {
        _pvs.OnJson("/cgi-bin/dl_cgi?Command=Start", Fixture.Text("start.json"))
            .OnJson("/cgi-bin/dl_cgi?Command=Stop", """{"result":"succeed"}""")
            .OnJson("/cgi-bin/dl_cgi?Command=Get_Comm&SerialNumber=ZT01234567890ABCDEF", Fixture.Text("get-comm.json"))
            .OnJson("/cgi-bin/dl_cgi?Command=CheckFW&type=residential", """{"url":"none"}""")
            .OnJson("/cgi-bin/dl_cgi?Command=DeviceDetails", """{"result":"unknown command"}""")
            .OnJson("/cgi-bin/dl_cgi?Command=GridProfileGet", Fixture.Text("grid-profile-get.json"))
            .OnJson("/cgi-bin/dl_cgi?Command=GridProfileRefresh", Fixture.Text("grid-profiles.json"))
            .OnJson("/cgi-bin/dl_cgi?Command=GetCellPurchased", """{"cell_purchased":"null"}""")
            .OnJson("/cgi-bin/dl_cgi?Command=SetCellPurchased", """{"cell_purchased":"null","result":"succeed"}""")
            .OnJson("/cgi-bin/dl_cgi?Command=GetDiscoveryProgress", Fixture.Text("discovery-progress.json"));
        await using var client = await Connect();
        var legacy = client.Legacy;

        Assert.Equal("PVS6", (await legacy.StartAsync()).Model);
        await legacy.StopAsync();
        Assert.Equal(4, (await client.GetCommAsync()).Interfaces.Count);
        Assert.False((await client.CheckFirmwareAsync()).UpdateAvailable);
        await Assert.ThrowsAsync<PvsCommandNotSupportedException>(() => legacy.DeviceDetailsAsync("ZT01234567890ABCDEF"));
        Assert.Equal("816bf3302d337a42680b996227ddbc46abf9cd05", (await client.GetGridProfileStatusAsync()).ActiveId);
        Assert.Equal(9, (await client.GetGridProfilesAsync()).Count);
        Assert.Equal("null", (await legacy.GetCellPurchasedAsync()).CellPurchased);
        Assert.Equal("null", (await legacy.SetCellPurchasedAsync("ZT01234567890ABCDEF")).CellPurchased);
        Assert.True((await legacy.GetDiscoveryProgressAsync()).Complete);

        await client.GetGridProfilesAsync();
        Assert.Equal(1, _pvs.Count("/cgi-bin/dl_cgi?Command=GridProfileRefresh")); // static data is cached
    }
}
