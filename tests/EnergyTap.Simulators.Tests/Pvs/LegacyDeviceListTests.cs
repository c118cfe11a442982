using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

public partial class LegacyDeviceListTests
{
    private static readonly PvsSimulatorOptions Sturdy = new() { Inverters = 4, Politeness = PvsPolitenessOptions.Disabled };

    [GeneratedRegex(@"^\d{4},\d{2},\d{2},\d{2},\d{2},\d{2}$")]
    private static partial Regex DlCgiTime();

    private static IEnumerable<JsonElement> OfType(JsonElement list, string deviceType) =>
        list.GetProperty("devices").EnumerateArray().Where(d => d.GetProperty("DEVICE_TYPE").GetString() == deviceType);

    private static double Number(JsonElement device, string metric) =>
        double.Parse(device.GetProperty(metric).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Daytime_list_has_supervisor_two_meters_and_working_inverters_in_the_seed_shapes()
    {
        await using var host = await PvsTestHost.StartAsync(Sturdy);

        var list = await host.DeviceListAsync();

        Assert.Equal("succeed", list.GetProperty("result").GetString());
        Assert.Equal(7, list.GetProperty("devices").GetArrayLength());
        var supervisor = Assert.Single(OfType(list, "PVS"));
        Assert.Equal(host.Simulator.Serial, supervisor.GetProperty("SERIAL").GetString());
        Assert.Equal("PV Supervisor PVS6", supervisor.GetProperty("MODEL").GetString());
        Assert.Equal(JsonValueKind.Number, supervisor.GetProperty("panid").ValueKind);
        Assert.Equal(JsonValueKind.String, supervisor.GetProperty("dl_uptime").ValueKind);
        Assert.Matches(DlCgiTime(), supervisor.GetProperty("DATATIME").GetString()!);
        Assert.Matches(DlCgiTime(), supervisor.GetProperty("CURTIME").GetString()!);

        var meters = OfType(list, "Power Meter").ToList();
        Assert.Equal(["PVS5-METER-P", "PVS5-METER-C"], meters.Select(m => m.GetProperty("TYPE").GetString()));
        Assert.EndsWith("p", meters[0].GetProperty("SERIAL").GetString());
        Assert.EndsWith("c", meters[1].GetProperty("MODEL").GetString());
        Assert.False(meters[0].TryGetProperty("i1_a", out _));
        foreach (var field in new[] { "i1_a", "i2_a", "v1n_v", "v2n_v", "v12_v", "p1_kw", "p2_kw", "pos_ltea_3phsum_kwh", "neg_ltea_3phsum_kwh" })
        {
            Assert.Equal(JsonValueKind.String, meters[1].GetProperty(field).ValueKind);
        }

        Assert.True(Number(meters[0], "p_3phsum_kw") > 0.5, "a sunny noon produces power");

        var inverters = OfType(list, "Inverter").ToList();
        Assert.Equal(4, inverters.Count);
        Assert.All(inverters, i =>
        {
            Assert.Equal("SOLARBRIDGE", i.GetProperty("TYPE").GetString());
            Assert.Equal("working", i.GetProperty("STATE").GetString());
            Assert.InRange(Number(i, "p_3phsum_kw"), 0.15, 0.4);
            Assert.True(i.TryGetProperty("p_mpptsum_kw", out _), "legacy 2021.9 builds report p_mpptsum_kw");
        });
        Assert.Equal(inverters.Count, inverters.Select(i => i.GetProperty("SERIAL").GetString()).Distinct().Count());
        var sum = inverters.Sum(i => Number(i, "p_3phsum_kw"));
        Assert.InRange(Number(meters[0], "p_3phsum_kw"), sum * 0.7, sum * 1.3);
    }

    [Fact]
    public async Task At_night_inverters_are_in_error_without_metrics_and_production_is_slightly_negative()
    {
        await using var host = await PvsTestHost.StartAsync(Sturdy, PvsTestHost.Midnight);

        var list = await host.DeviceListAsync();

        Assert.All(OfType(list, "Inverter"), i =>
        {
            Assert.Equal("error", i.GetProperty("STATE").GetString());
            Assert.Equal("Error", i.GetProperty("STATEDESCR").GetString());
            Assert.False(i.TryGetProperty("p_3phsum_kw", out _));
            Assert.False(i.TryGetProperty("ltea_3phsum_kwh", out _));
        });
        var production = OfType(list, "Power Meter").First();
        Assert.InRange(Number(production, "p_3phsum_kw"), -0.03, -0.005);
    }

    [Fact]
    public async Task Values_change_only_at_refresh_boundaries()
    {
        await using var host = await PvsTestHost.StartAsync(Sturdy);

        var first = await host.DeviceListAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        var sameBucket = await host.DeviceListAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        var nextMeterBucket = await host.DeviceListAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var nextInverterBucket = await host.DeviceListAsync();

        static string Meter(JsonElement list) => OfType(list, "Power Meter").First().GetProperty("p_3phsum_kw").GetString()!;
        static string Inverter(JsonElement list, string field) => OfType(list, "Inverter").First().GetProperty(field).GetString()!;
        static string Supervisor(JsonElement list, string field) => OfType(list, "PVS").First().GetProperty(field).GetString()!;

        Assert.Equal(Meter(first), Meter(sameBucket));
        Assert.NotEqual(Meter(first), Meter(nextMeterBucket));
        Assert.Equal("2026,06,21,20,00,15", OfType(nextMeterBucket, "Power Meter").First().GetProperty("DATATIME").GetString());
        Assert.Equal(Inverter(first, "p_3phsum_kw"), Inverter(nextMeterBucket, "p_3phsum_kw"));
        Assert.NotEqual(Inverter(first, "p_3phsum_kw"), Inverter(nextInverterBucket, "p_3phsum_kw"));
        Assert.Equal(Supervisor(first, "dl_uptime"), Supervisor(nextMeterBucket, "dl_uptime"));
        Assert.Equal("2026,06,21,20,05,00", Supervisor(nextInverterBucket, "DATATIME"));
        Assert.True(double.Parse(Inverter(nextInverterBucket, "ltea_3phsum_kwh"), CultureInfo.InvariantCulture)
            > double.Parse(Inverter(first, "ltea_3phsum_kwh"), CultureInfo.InvariantCulture), "lifetime energy grows in daylight");
    }

    [Fact]
    public async Task Ess_adds_the_sunvault_devices()
    {
        await using var host = await PvsTestHost.StartAsync(Sturdy with { Ess = true });

        var list = await host.DeviceListAsync();

        // The supervisor entry has no TYPE, exactly like a real PVS.
        var types = list.GetProperty("devices").EnumerateArray().Skip(1).Select(d => d.GetProperty("TYPE").GetString()).ToList();
        foreach (var type in new[] { "HUB+", "EQUINOX-MIO", "PV-DISCONNECT", "GATEWAY", "SCHNEIDER-XWPRO", "EQUINOX-BMS", "EQUINOX-ESS" })
        {
            Assert.Contains(type, types);
        }

        Assert.Equal(2, types.Count(t => t == "BATTERY"));
        var mio = OfType(list, "ESS Hub").Single();
        Assert.Equal(221, mio.GetProperty("slave").GetInt32());
        Assert.Equal(JsonValueKind.String, mio.GetProperty("t_degc").ValueKind);
    }

    [Fact]
    public async Task Same_seed_and_clock_give_the_same_payload()
    {
        await using var a = await PvsTestHost.StartAsync(Sturdy with { Seed = 7 });
        await using var b = await PvsTestHost.StartAsync(Sturdy with { Seed = 7 });
        await using var c = await PvsTestHost.StartAsync(Sturdy with { Seed = 8 });

        Assert.Equal((await a.DeviceListAsync()).GetRawText(), (await b.DeviceListAsync()).GetRawText());
        Assert.NotEqual(a.Simulator.Serial, c.Simulator.Serial);
    }

    [Fact]
    public async Task Inverters_can_be_missing_until_sunrise_when_the_pvs_starts_at_night()
    {
        await using var host = await PvsTestHost.StartAsync(Sturdy with { InvertersMissingUntilSunrise = true }, PvsTestHost.Midnight);

        var night = await host.DeviceListAsync();
        host.Clock.Advance(TimeSpan.FromHours(7));
        var morning = await host.DeviceListAsync();

        Assert.Empty(OfType(night, "Inverter"));
        Assert.Equal(4, OfType(morning, "Inverter").Count());
        Assert.All(OfType(morning, "Inverter"), i => Assert.Equal("working", i.GetProperty("STATE").GetString()));
    }
}
