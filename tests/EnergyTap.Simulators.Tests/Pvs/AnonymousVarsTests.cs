using System.Net;
using System.Text;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

/// <summary>The LocalAPI tells anyone its serial, SSID and MAC (clients derive the password from the serial); nothing else.</summary>
public class AnonymousVarsTests
{
    private static readonly PvsSimulatorOptions Varserver = new() { Firmware = PvsFirmware.Varserver, Inverters = 2, Serial = "ZT184585000549A0069" };

    [Fact]
    public async Task Serial_ssid_and_mac_are_read_without_a_session_in_both_shapes()
    {
        await using var host = await PvsTestHost.StartAsync(Varserver);

        var list = await host.GetJsonAsync("vars?name=/sys/info/serialnum");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        var entry = list.GetProperty("values")[0];
        Assert.Equal("/sys/info/serialnum", entry.GetProperty("name").GetString());
        Assert.Equal("ZT184585000549A0069", entry.GetProperty("value").GetString());

        var obj = await host.GetJsonAsync("vars?name=/sys/info/serialnum,/sys/info/ssid,/sys/info/lmac&fmt=obj");
        Assert.Equal("ZT184585000549A0069", obj.GetProperty("/sys/info/serialnum").GetString());
        Assert.StartsWith("SunPower", obj.GetProperty("/sys/info/ssid").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(obj.GetProperty("/sys/info/lmac").GetString()));
        Assert.Equal(0, host.Simulator.ActiveSessions);
    }

    [Fact]
    public async Task A_POST_with_the_query_as_form_body_reads_the_serial_too()
    {
        await using var host = await PvsTestHost.StartAsync(Varserver);

        using var response = await host.Http.PostAsync("vars", new StringContent("name=/sys/info/serialnum", Encoding.ASCII, "application/x-www-form-urlencoded"));
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ZT184585000549A0069", body.GetProperty("values")[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("vars?name=/sys/info/model")]
    [InlineData("vars?name=/sys/info/serialnum,/sys/info/model")]
    [InlineData("vars?match=/sys/info")]
    [InlineData("vars?match=serialnum")]
    [InlineData("vars?name=/sys/info/serialnum&cache=mine")]
    [InlineData("vars?cache=mine")]
    [InlineData("vars?set=/sys/telemetryws/enable=1")]
    [InlineData("vars?name=/sys/livedata/pv_p&fmt=obj")]
    public async Task Everything_else_still_needs_a_session(string query)
    {
        await using var host = await PvsTestHost.StartAsync(Varserver);

        await host.GetJsonAsync(query, HttpStatusCode.Unauthorized);
        await host.GetJsonAsync("cgi-bin/dl_cgi/devices/list", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Legacy_firmware_has_no_vars_at_all()
    {
        await using var host = await PvsTestHost.StartAsync(new PvsSimulatorOptions { Inverters = 1 });

        await host.GetJsonAsync("vars?name=/sys/info/serialnum", HttpStatusCode.NotFound);
    }
}
