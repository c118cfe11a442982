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

    [Fact]
    public async Task LocalAPI_reads_are_shared_between_logged_in_clients()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Varserver, Inverters = 2 });
        await using var proxy = ProxyFor(site);
        await proxy.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = proxy.BoundAddress, Timeout = TimeSpan.FromSeconds(60) };

        using var login = new HttpRequestMessage(HttpMethod.Get, "auth?login");
        login.Headers.TryAddWithoutValidation("Authorization", "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ssm_owner:" + site.Pvs.Password)));
        using var loggedIn = await http.SendAsync(login);
        var cookie = loggedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        async Task<HttpResponseMessage> Read()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "vars?match=livedata&fmt=obj");
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
            return await http.SendAsync(request);
        }

        using (var first = await Read()) // validates the session upstream
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Read()));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(2, site.Pvs.Requests[PvsRequestCounters.VarsMatch]);

        using var anonymous = await http.GetAsync("vars?match=livedata&fmt=obj"); // no session: never served from the cache
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
