using System.Globalization;
using System.Net;
using System.Text.Json;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public class VarserverVarsTests
{
    private static readonly PvsSimulatorOptions Varserver = new() { Firmware = PvsFirmware.Varserver, Inverters = 3 };

    private static async Task<PvsTestHost> LoggedInAsync(PvsSimulatorOptions options, DateTimeOffset? start = null)
    {
        var host = await PvsTestHost.StartAsync(options, start);
        await host.LoginAsync();
        return host;
    }

    [Fact]
    public async Task Name_query_returns_values_as_strings_with_a_count()
    {
        await using var host = await LoggedInAsync(Varserver);

        var result = await host.GetJsonAsync("vars?name=/sys/info/serialnum,/sys/info/sw_rev,/sys/no/such/var,/sys/livedata/soc");

        var values = result.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value").GetString());
        Assert.Equal(3, result.GetProperty("count").GetInt32());
        Assert.Equal(host.Simulator.Serial, values["/sys/info/serialnum"]);
        Assert.Equal("2025.10.14.61846", values["/sys/info/sw_rev"]);
        Assert.Equal("nan", values["/sys/livedata/soc"]);
    }

    [Fact]
    public async Task Match_with_fmt_obj_and_cache_then_reading_the_cache()
    {
        await using var host = await LoggedInAsync(Varserver with { Politeness = PvsPolitenessOptions.Disabled });

        var live = await host.GetJsonAsync("vars?match=livedata&fmt=obj&cache=ldata");
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        var cached = await host.GetJsonAsync("vars?fmt=obj&cache=ldata");
        var asList = await host.GetJsonAsync("vars?cache=ldata");

        var names = live.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(12, names.Count);
        Assert.All(names, n => Assert.StartsWith("/sys/livedata/", n));
        Assert.Equal(names, cached.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(live.GetProperty("/sys/livedata/time").GetString(), cached.GetProperty("/sys/livedata/time").GetString());
        Assert.Equal(12, asList.GetProperty("count").GetInt32());
        Assert.Matches(@"^-?\d+\.\d{6}$", live.GetProperty("/sys/livedata/pv_p").GetString()!);
        await host.GetJsonAsync("vars?cache=nope", HttpStatusCode.NotFound);
        Assert.Equal(1, host.Simulator.Requests[PvsRequestCounters.VarsMatch]);
        Assert.Equal(3, host.Simulator.Requests[PvsRequestCounters.VarsCache]);
        Assert.Equal(4, host.Simulator.Requests[PvsRequestCounters.Vars]);
    }

    [Fact]
    public async Task Flat_device_variables_follow_the_published_list()
    {
        await using var host = await LoggedInAsync(Varserver);

        var inverters = await host.GetJsonAsync("vars?match=/sys/devices/inverter/&fmt=obj");
        var meters = await host.GetJsonAsync("vars?match=/sys/devices/meter/&fmt=obj");

        Assert.Equal(3 * 12, inverters.EnumerateObject().Count());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$", inverters.GetProperty("/sys/devices/inverter/0/msmtEps").GetString()!);
        Assert.EndsWith("c", meters.GetProperty("/sys/devices/meter/1/sn").GetString());
        Assert.True(meters.TryGetProperty("/sys/devices/meter/1/posLtea3phsumKwh", out _));
        Assert.False(meters.TryGetProperty("/sys/devices/meter/0/i1A", out _));
        var pv = double.Parse(inverters.GetProperty("/sys/devices/inverter/0/p3phsumKw").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(pv, 0.15, 0.4);
    }

    [Fact]
    public async Task Set_changes_writable_variables_and_refuses_the_rest()
    {
        await using var host = await LoggedInAsync(Varserver with { Ess = true });

        var set = await host.GetJsonAsync("vars?set=/ess/config/dcm/mode_param/control_mode=BACKUP_ONLY");
        var soc = await host.GetJsonAsync("vars?set=/ess/config/dcm/control_param/min_customer_soc=0.5&fmt=obj");
        await host.GetJsonAsync("vars?set=/sys/info/model=PVS9", HttpStatusCode.Forbidden);
        await host.GetJsonAsync("vars?set=/ess/config/dcm/control_param/min_customer_soc=1.5", HttpStatusCode.BadRequest);
        await host.GetJsonAsync("vars?set=/ess/config/dcm/mode_param/control_mode=TURBO", HttpStatusCode.BadRequest);
        var opMode = await host.GetJsonAsync("vars?name=/sys/devices/ess/0/opMode&fmt=obj");

        Assert.Equal("BACKUP_ONLY", set.GetProperty("values")[0].GetProperty("value").GetString());
        Assert.Equal("0.500000", soc.GetProperty("/ess/config/dcm/control_param/min_customer_soc").GetString());
        Assert.Equal("BACKUP_ONLY", host.Simulator.EssControlMode);
        Assert.Equal(0.5, host.Simulator.EssMinCustomerSoc);
        Assert.Equal("BACKUP_ONLY", opMode.GetProperty("/sys/devices/ess/0/opMode").GetString());
    }

    [Fact]
    public async Task Post_with_a_form_body_is_the_same_as_get()
    {
        await using var host = await LoggedInAsync(Varserver with { Ess = true });

        using var response = await host.Http.PostAsync("vars", new StringContent("match=/sys/devices/ess/0/soc&fmt=obj", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var soc = double.Parse(body.GetProperty("/sys/devices/ess/0/socVal").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(soc, 0, 1);
    }

    [Fact]
    public async Task Build_61840_packs_each_device_into_one_json_object()
    {
        await using var host = await LoggedInAsync(Varserver with { EmulateBuild61840 = true });

        var meters = await host.GetJsonAsync("vars?match=meter/data&fmt=obj");
        var inverters = await host.GetJsonAsync("vars?match=inverter/data&fmt=obj");

        var production = meters.GetProperty("/sys/devices/11/meter/data");
        Assert.Equal(JsonValueKind.Object, production.ValueKind);
        Assert.Equal(JsonValueKind.Number, production.GetProperty("p3phsumKw").ValueKind);
        Assert.Equal(50, production.GetProperty("ctSclFctr").GetInt32());
        Assert.EndsWith("c", meters.GetProperty("/sys/devices/12/meter/data").GetProperty("sn").GetString());
        Assert.Equal(3, inverters.EnumerateObject().Count());
        Assert.Equal("2025.06.24.61840", (await host.GetJsonAsync("vars?name=/sys/info/sw_rev&fmt=obj")).GetProperty("/sys/info/sw_rev").GetString());
    }

    [Fact]
    public async Task Pvs5_has_no_telemetry_switch_and_no_battery_values()
    {
        await using var host = await LoggedInAsync(Varserver with { Model = PvsModel.PVS5 });

        var all = await host.GetJsonAsync("vars?match=/&fmt=obj");

        Assert.False(all.TryGetProperty("/sys/telemetryws/enable", out _));
        Assert.Equal("PVS5", all.GetProperty("/sys/info/model").GetString());
        Assert.Equal("nan", all.GetProperty("/sys/livedata/ess_p").GetString());
    }

    [Fact]
    public async Task At_night_inverter_measurements_stay_at_the_last_daylight_report()
    {
        await using var host = await LoggedInAsync(Varserver, PvsTestHost.Midnight);

        var inverter = await host.GetJsonAsync("vars?match=/sys/devices/inverter/0/&fmt=obj");

        // Local midnight at UTC-8 is 08:00Z; the last report before the 18:00 local sunset was 01:55Z.
        Assert.Equal("2026-06-21T01:55:00Z", inverter.GetProperty("/sys/devices/inverter/0/msmtEps").GetString());
    }

    [Fact]
    public async Task Livedata_matches_the_simulators_ground_truth()
    {
        await using var host = await LoggedInAsync(Varserver with { Ess = true });

        var live = await host.GetJsonAsync("vars?match=livedata&fmt=obj");
        var truth = host.Simulator.CurrentReadings();

        double Value(string name) => double.Parse(live.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(truth.ProductionKw, Value("/sys/livedata/pv_p"), 5);
        Assert.Equal(truth.NetKw, Value("/sys/livedata/net_p"), 5);
        Assert.Equal(truth.BatterySoc!.Value, Value("/sys/livedata/soc"), 5);
        Assert.Equal(3, truth.InvertersWorking);
        Assert.Equal(truth.ProductionKw + truth.NetKw + truth.BatteryKw!.Value, Value("/sys/livedata/site_load_p"), 4);
    }

    [Fact]
    public async Task Hang_option_never_answers_a_query_for_an_unknown_variable()
    {
        await using var host = await LoggedInAsync(Varserver with { HangOnUnknownVariable = true });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await host.GetJsonAsync("vars?name=/sys/info/model");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Http.GetAsync("vars?name=/sys/info/nope", timeout.Token));
    }
}
