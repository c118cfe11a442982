using System.Text.Json;
using EnergyTap.SunPower.Commissioning;
using EnergyTap.SunPower.GridProfiles;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Parsing;

public class CommandParsingTests
{
    private static JsonElement Json(string fixture) => JsonDocument.Parse(Fixture.Text(fixture)).RootElement;

    [Fact]
    public void Get_Comm_lists_interfaces_and_the_internet_route()
    {
        var comm = CommStatusParser.Parse(Json("get-comm.json"));
        Assert.Equal(4, comm.Interfaces.Count);
        Assert.Equal("wan", comm.SystemInterface);
        Assert.Equal("up", comm.SystemInternet);
        var wifi = comm.Interfaces.Single(i => i.Interface == "sta0");
        Assert.Equal("Home Network", wifi.Ssid);
        Assert.Equal("-74", wifi.Signal);
        Assert.Equal("connected", wifi.Link); // Wi-Fi reports "status" instead of "link"
        Assert.Equal("SIM_READY", comm.Interfaces.Single(i => i.Interface == "cell").Fields["sim"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1557210800), comm.Timestamp);
    }

    [Fact]
    public void Start_reports_the_supervisor_and_its_generation()
    {
        var info = SupervisorInfoParser.Parse(Json("start.json"), "Start");
        Assert.Equal("ZT01234567890ABCDEF", info.Serial);
        Assert.Equal(41001, info.Build);
        Assert.Equal(Model.PvsGeneration.Legacy, info.Generation);
        Assert.Equal("16504", info.Fields["SCVER"]);
    }

    [Theory]
    [InlineData("PVS6", null, "2025.06, Build 61840", Model.PvsGeneration.Varserver)]
    [InlineData("PVS6", "61839", null, Model.PvsGeneration.Legacy)]
    [InlineData("PVS5", null, "2025.06, Build 5408", Model.PvsGeneration.Varserver)]
    [InlineData("PVS5", null, "2024.1, Build 5300", Model.PvsGeneration.Legacy)]
    [InlineData("PVS6", null, "weird", null)]
    public void Generation_follows_the_build(string model, string? build, string? swver, Model.PvsGeneration? expected)
    {
        var info = new Model.PvsSupervisorInfo("ZT1", model, Model.PvsBuild.From(build, swver), swver, null);
        Assert.Equal(expected, info.Generation);
    }

    [Fact]
    public void Grid_profile_status_shows_active_and_pending()
    {
        var status = GridProfileParser.ParseStatus(Json("grid-profile-get.json"));
        Assert.Equal("IEEE-1547a-2014 + 2020 CA Rule21", status.ActiveName);
        Assert.False(status.ChangePending);
        Assert.Equal(100, status.Percent);
        Assert.True(new GridProfileStatus("a", "A", "b", "B", 40, "ALL", "pending").ChangePending);
    }

    [Theory]
    [InlineData(94103, "IEEE-1547a-2014 + 2020 CA Rule21")]
    [InlineData(81301, "La Plata Electric Assn")]
    [InlineData(96720, "HECO OMH R14H (Legacy)")]
    [InlineData(99999, "HI GSUI OMH R14H 2018 + V/W")]
    [InlineData(6510, "ISO-NE Ride Through 2018")]
    public void Profiles_for_a_zip_come_from_ranges_and_lists(int zip, string expected)
    {
        var profiles = GridProfileParser.ParseProfiles(Json("grid-profiles.json"));
        var names = GridProfileCatalog.ForZip(profiles, zip).Select(p => p.Name).ToList();
        Assert.Contains(expected, names);
        Assert.Contains("IEEE-1547", names); // the default profile applies everywhere
        Assert.Equal("IEEE-1547", names[^1]);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void A_zip_outside_every_list_gets_only_the_general_profiles()
    {
        var profiles = GridProfileParser.ParseProfiles(Json("grid-profiles.json"));
        var names = GridProfileCatalog.ForZip(profiles, 59000).Select(p => p.Name).ToList();
        Assert.DoesNotContain("La Plata Electric Assn", names);
        Assert.Equal(["IEEE-1547a-2014", "IEEE-1547"], names);
    }

    [Fact]
    public void Discovery_progress_reads_each_kind()
    {
        var progress = DiscoveryProgressParser.Parse(Json("discovery-progress.json"));
        var step = Assert.Single(progress.Steps);
        Assert.Equal(("MI", 100, 0), (step.Type, step.Progress, step.Found));
        Assert.True(progress.Complete);
    }

    [Fact]
    public void Commissioning_wifi_follows_the_serial_rule()
    {
        var wifi = CommissioningWifi.FromSerial("ZT190585000549A6185");
        Assert.Equal("SunPower05185", wifi.Ssid);
        Assert.Equal("19056185", wifi.Password);
        Assert.Throws<ArgumentException>(() => CommissioningWifi.FromSerial("ZT19"));
        Assert.Throws<ArgumentException>(() => CommissioningWifi.FromSerial("ZT1905 85000549A6185"));
    }
}
