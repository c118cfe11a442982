using EnergyTap.Fuzzing;
using EnergyTap.SunPower.GridProfiles;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Tests.Support;
using EnergyTap.SunPower.Varserver;

namespace EnergyTap.SunPower.Tests.Fuzzing;

/// <summary>One PVS answer parser, fed a body the way the client feeds it, with the fixtures that seed its mutations.</summary>
public sealed record PvsParseTarget(string Name, string[] Fixtures, Action<byte[]> Parse)
{
    public override string ToString() => Name;

    public IEnumerable<string> Seeds => Fixtures.Select(Fixture.Text);
}

/// <summary>Every parser of PVS answers, each followed by a read of every property of what it built.</summary>
public static class PvsParseTargets
{
    private static readonly DateTimeOffset FetchedAt = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<PvsParseTarget> All { get; } =
    [
        new("DeviceList", ["devicelist-day.json", "devicelist-night-sunvault.json"], body =>
        {
            var snapshot = new PvsDeviceSnapshot(DeviceListParser.Parse(body), PvsGeneration.Legacy, FetchedAt);
            ModelWalker.Touch(snapshot);
            ModelWalker.Touch(LiveDataParser.FromDeviceList(snapshot));
        }),
        new("varserver /vars", ["vars-devices-flat.json", "vars-devices-per-device.json", "vars-info-livedata.json"], body =>
        {
            var variables = VarsParser.Parse(body, "/vars");
            var snapshot = new PvsDeviceSnapshot(
                [.. VarserverDeviceMapper.MapDevices(variables), .. VarserverDeviceMapper.MapSupervisor(variables) is { } s ? [s] : Array.Empty<PvsDevice>()],
                PvsGeneration.Varserver,
                FetchedAt);
            ModelWalker.Touch(snapshot);
            ModelWalker.Touch(LiveDataParser.FromVariables(variables, PvsLiveDataSource.Varserver));
        }),
        new("supervisor info", ["start.json"], body => Json(body, root => SupervisorInfoParser.Parse(root, "Start"))),
        new("Get_Comm", ["get-comm.json"], body => Json(body, CommStatusParser.Parse)),
        new("discovery progress", ["discovery-progress.json"], body => Json(body, DiscoveryProgressParser.Parse)),
        new("grid profile", ["grid-profile-get.json"], body => Json(body, GridProfileParser.ParseStatus)),
        new("grid profiles", ["grid-profiles.json"], body => Json(body, GridProfileParser.ParseProfiles)),
    ];

    public static TheoryData<PvsParseTarget> Theory => new(All);

    /// <summary>Every key any fixture uses: mutations rename keys into these to reach other code paths.</summary>
    public static string[] Vocabulary { get; } = JsonMutator.KeysOf(All.SelectMany(t => t.Seeds));

    private static void Json<T>(byte[] body, Func<System.Text.Json.JsonElement, T> parse)
    {
        using var document = PvsJson.Parse(body, "fuzz");
        ModelWalker.Touch(parse(document.RootElement));
    }
}
