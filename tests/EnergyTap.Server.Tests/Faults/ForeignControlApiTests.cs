using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Server.Tests.Service;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>
/// The battery held by a Modbus client other than this server (a `sequence run`, mbpoll): /api/control and the
/// live stream say so, with the power read from the registers, instead of "no active command".
/// </summary>
public sealed class ForeignControlApiTests
{
    [Fact]
    public async Task A_command_written_by_another_modbus_client_is_reported_with_the_power_from_the_registers()
    {
        await using var site = await FaultSite.StartAsync();
        var before = await site.Api.GetFromJsonAsync<JsonElement>("api/control");
        Assert.Empty(before.GetProperty("others").EnumerateArray());

        await AgateAdapterTests.ForeignChargeAsync(site.Agate, wsetPctRaw: -600);
        await site.RunUntilAsync(() => site.Service.Runtime.Supervisor.Foreign.Count > 0, TimeSpan.FromSeconds(30), "the next aGate poll sees the command");

        var control = await site.Api.GetFromJsonAsync<JsonElement>("api/control");
        Assert.Empty(control.GetProperty("active").EnumerateArray());
        var other = Assert.Single(control.GetProperty("others").EnumerateArray());
        Assert.Equal(FaultSite.SiteId, other.GetProperty("site").GetString());
        Assert.Equal(FaultSite.AgateId, other.GetProperty("device").GetString());
        Assert.Equal("another Modbus client", other.GetProperty("heldBy").GetString());
        Assert.Equal("charge", other.GetProperty("kind").GetString());
        Assert.Equal(-site.Agate.CommandWatts!.Value, other.GetProperty("watts").GetDouble(), 0);
        Assert.Equal(site.Agate.CommandWatts!.Value, other.GetProperty("registerWatts").GetDouble(), 0);

        // The CLI's client reads the same contract the API writes.
        using var client = new Api.ControlClient(site.Service.Url, token: null, TimeSpan.FromSeconds(30));
        var state = await client.GetStateAsync(CancellationToken.None);
        var read = Assert.Single(state.Others);
        Assert.Equal(BatteryCommandKind.Charge, read.Kind);
        Assert.Equal(ObservedHeldBy, read.HeldBy);
        Assert.Equal(other.GetProperty("watts").GetDouble(), read.Watts);
    }

    private const string ObservedHeldBy = "another Modbus client";
}
