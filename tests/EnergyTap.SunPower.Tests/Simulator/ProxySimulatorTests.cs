using System.Net;
using System.Text;
using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Proxy;

namespace EnergyTap.SunPower.Tests.Simulator;

public class ProxySimulatorTests
{
    private static PvsProxy ProxyFor(SimulatedSite site) => new(new PvsProxyOptions
    {
        Upstream = site.Pvs.BaseUrl,
        Listen = "127.0.0.1:0",
        TimeProvider = site.Time,
        Politeness = new PolitenessOptions { MinInterval = TimeSpan.Zero },
    });

    [Fact]
    public async Task A_thousand_clients_through_the_proxy_reach_the_PVS_once()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Inverters = 6 });
        await using var proxy = ProxyFor(site);
        await proxy.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2000 }) { BaseAddress = proxy.BoundAddress, Timeout = TimeSpan.FromSeconds(60) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => http.GetAsync("cgi-bin/dl_cgi?Command=DeviceList")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, site.Pvs.Requests.DeviceLists);
        Assert.Equal(1, site.Pvs.Requests.MaxConcurrent);
        Assert.Equal(0, site.Pvs.Restarts);

        // The client library through the proxy sees the same site.
        await using var client = await PvsClient.ConnectAsync(proxy.BoundAddress!.ToString(), site.ClientOptions());
        Assert.Equal(6, (await client.GetDevicesAsync()).Inverters.Count());
        Assert.Equal(1, site.Pvs.Requests.DeviceLists);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    private static HttpRequestMessage Login(string password)
    {
        var login = new HttpRequestMessage(HttpMethod.Get, "auth?login");
        login.Headers.TryAddWithoutValidation("Authorization", "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ssm_owner:" + password)));
        return login;
    }

    [Fact]
    public async Task LocalAPI_clients_through_the_proxy_cost_the_PVS_a_few_calls_not_one_per_request()
    {
        // The measurement: 22 client requests were 21 upstream calls and 0 cache hits.
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var proxy = ProxyFor(site);
        await proxy.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            // Each one a new process's client: detection, its own login, its own cache-id registrations.
            await using var client = await PvsClient.ConnectAsync(proxy.BoundAddress!.ToString(), site.ClientOptions());
            Assert.Equal(Model.PvsGeneration.Varserver, client.Generation);
            Assert.Equal(site.Pvs.Serial, (await client.GetDevicesAsync()).Supervisor!.Serial);
            Assert.NotNull((await client.GetLiveDataAsync()).PvPower);
            site.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var stats = proxy.Stats;
        Assert.True(stats.ClientRequests >= 30, $"{stats.ClientRequests} client requests");
        Assert.True(stats.UpstreamCalls <= stats.ClientRequests / 4, $"{stats.UpstreamCalls} upstream calls for {stats.ClientRequests} client requests: " + string.Join(", ", site.Pvs.Requests.Snapshot().Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.True(stats.CacheHits >= stats.ClientRequests / 2, $"{stats.CacheHits} cache hits");
        Assert.Equal(1, site.Pvs.Requests[PvsRequestCounters.Login]); // the proxy's own, once
        Assert.Equal(0, site.Pvs.Requests[PvsRequestCounters.Logout]); // clients' logouts end nothing upstream
        Assert.Equal(0, site.Pvs.Restarts);
    }

    [Fact]
    public async Task Concurrent_identical_LocalAPI_reads_need_no_session_and_share_one_upstream_call()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var proxy = ProxyFor(site);
        await proxy.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 500 }) { BaseAddress = proxy.BoundAddress, Timeout = TimeSpan.FromSeconds(60) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => http.GetAsync("vars?match=livedata&fmt=obj")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Contains("/sys/livedata/pv_p", await answers[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // One read, sent first without a session (the proxy has none yet), refused with 401, and sent again after one login.
        Assert.Equal(2, site.Pvs.Requests[PvsRequestCounters.VarsMatch]);
        Assert.Equal(1, site.Pvs.Requests[PvsRequestCounters.Login]);
        Assert.Equal(1, site.Pvs.Requests.MaxConcurrent);

        // Past the window: one new read; past the session's life: one new login, and still no client needs a session.
        site.Time.Advance(TimeSpan.FromMinutes(11));
        using var later = await http.GetAsync("vars?match=livedata&fmt=obj");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(2, site.Pvs.Requests[PvsRequestCounters.Login]);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Clients_log_in_to_the_proxy_and_only_a_logged_in_client_may_change_a_setting()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var proxy = ProxyFor(site);
        await proxy.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = proxy.BoundAddress, Timeout = TimeSpan.FromSeconds(60) };

        using (var wrong = await http.SendAsync(Login("00000")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await http.SendAsync(Login(site.Pvs.Password));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Assert.StartsWith("session=energytap-proxy-", cookie, StringComparison.Ordinal);
        var logins = site.Pvs.Requests[PvsRequestCounters.Login];
        Assert.Equal(1, logins);

        using (var anonymous = await http.GetAsync("vars?set=/sys/telemetryws/enable=1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        Assert.False(site.Pvs.TelemetryEnabled);
        Assert.Equal(0, site.Pvs.Requests[PvsRequestCounters.VarsSet]);

        using var write = new HttpRequestMessage(HttpMethod.Get, "vars?set=/sys/telemetryws/enable=1");
        write.Headers.TryAddWithoutValidation("Cookie", cookie);
        using (var written = await http.SendAsync(write))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        Assert.True(site.Pvs.TelemetryEnabled);
        Assert.Equal(1, site.Pvs.Requests[PvsRequestCounters.Login]);
    }

    [Fact]
    public async Task A_login_the_PVS_refuses_is_not_retried()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var proxy = new PvsProxy(new PvsProxyOptions
        {
            Upstream = site.Pvs.BaseUrl,
            Listen = "127.0.0.1:0",
            TimeProvider = site.Time,
            Politeness = new PolitenessOptions { MinInterval = TimeSpan.Zero },
            Password = "wrong",
        });
        await proxy.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = proxy.BoundAddress, Timeout = TimeSpan.FromSeconds(60) };

        for (var i = 0; i < 5; i++)
        {
            using var read = await http.GetAsync($"vars?name=/sys/info/sw_rev&fmt=obj&n={i}");
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
            site.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(1, site.Pvs.Requests[PvsRequestCounters.Login]);
        using var login = await http.SendAsync(Login(site.Pvs.Password));
        Assert.Equal(HttpStatusCode.BadGateway, login.StatusCode);
        Assert.Contains("refused the proxy's own login", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, site.Pvs.Requests[PvsRequestCounters.Login]);
    }
}
