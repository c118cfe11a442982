using System.Net;
using System.Text;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public class VarserverAuthTests
{
    private static readonly PvsSimulatorOptions Varserver = new() { Firmware = PvsFirmware.Varserver, Inverters = 2 };

    private static HttpRequestMessage Login(string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "auth?login");
        request.Headers.TryAddWithoutValidation("Authorization", "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }

    [Fact]
    public async Task Login_with_the_last_five_serial_characters_returns_a_session_and_cookie()
    {
        await using var host = await PvsTestHost.StartAsync(Varserver with { Serial = "ZT184585000549A0069" });

        using var wrong = await host.Http.SendAsync(Login("ssm_owner", "12345"));
        using var right = await host.Http.SendAsync(Login("ssm_owner", "A0069"));
        var body = System.Text.Json.JsonDocument.Parse(await right.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var session = body.GetProperty("session").GetString();
        Assert.False(string.IsNullOrEmpty(session));
        Assert.Equal(session, host.Cookies.GetCookies(host.Http.BaseAddress!)["session"]?.Value);
        Assert.Equal(2, host.Simulator.Requests[PvsRequestCounters.Login]);
    }

    [Fact]
    public async Task Vars_need_a_session_and_sessions_expire_on_the_simulated_clock()
    {
        await using var host = await PvsTestHost.StartAsync(Varserver with { SessionLifetime = TimeSpan.FromMinutes(10) });

        await host.GetJsonAsync("vars?name=/sys/info/model", HttpStatusCode.Unauthorized);
        await host.LoginAsync();
        await host.GetJsonAsync("vars?name=/sys/info/model");
        host.Clock.Advance(TimeSpan.FromMinutes(9));
        await host.GetJsonAsync("vars?name=/sys/info/model");
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.GetJsonAsync("vars?name=/sys/info/model", HttpStatusCode.Unauthorized);
        await host.LoginAsync();
        await host.GetJsonAsync("vars?name=/sys/info/model");
    }

    [Fact]
    public async Task ExpireSessions_logout_and_restart_all_end_sessions()
    {
        await using var host = await PvsTestHost.StartAsync(Varserver);

        await host.LoginAsync();
        host.Simulator.ExpireSessions();
        await host.GetJsonAsync("vars?name=/sys/info/model", HttpStatusCode.Unauthorized);

        await host.LoginAsync();
        await host.GetJsonAsync("auth?logout");
        await host.GetJsonAsync("vars?name=/sys/info/model", HttpStatusCode.Unauthorized);

        await host.LoginAsync();
        host.Simulator.Reboot();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.GetJsonAsync("vars?name=/sys/info/model", HttpStatusCode.Unauthorized);
        Assert.Equal(0, host.Simulator.ActiveSessions);
    }

    [Fact]
    public async Task Legacy_DeviceList_is_forbidden_even_with_a_session_but_devices_list_works()
    {
        await using var host = await PvsTestHost.StartAsync(Varserver);

        await host.GetJsonAsync("cgi-bin/dl_cgi/devices/list", HttpStatusCode.Unauthorized);
        var info = await host.GetJsonAsync("cgi-bin/dl_cgi/supervisor/info");
        await host.LoginAsync();
        var forbidden = await host.GetJsonAsync("cgi-bin/dl_cgi?Command=DeviceList", HttpStatusCode.Forbidden);
        var list = await host.GetJsonAsync("cgi-bin/dl_cgi/devices/list");

        Assert.Equal(61846, info.GetProperty("supervisor").GetProperty("BUILD").GetInt32());
        Assert.Equal(403, forbidden.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", forbidden.GetProperty("error").GetString());
        Assert.Equal("succeed", list.GetProperty("result").GetString());
        var inverter = list.GetProperty("devices").EnumerateArray().First(d => d.GetProperty("DEVICE_TYPE").GetString() == "Inverter");
        Assert.True(inverter.TryGetProperty("p_mppt1_kw", out _), "newer builds report p_mppt1_kw");
        Assert.True(inverter.TryGetProperty("module_serial", out _));
    }
}
