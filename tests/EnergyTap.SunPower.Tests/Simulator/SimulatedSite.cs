using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Simulator;

/// <summary>A simulated PVS on loopback and a client sharing its manual clock.</summary>
public sealed class SimulatedSite : IAsyncDisposable
{
    /// <summary>20:00 UTC is noon at the simulated site (UTC−8): inverters work.</summary>
    public static readonly DateTimeOffset SiteNoon = new(2025, 7, 1, 20, 0, 0, TimeSpan.Zero);

    /// <summary>12:00 UTC is 04:00 at the site: inverters sleep.</summary>
    public static readonly DateTimeOffset SiteNight = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private SimulatedSite(ManualTimeProvider time, PvsSimulator pvs)
    {
        Time = time;
        Pvs = pvs;
    }

    public ManualTimeProvider Time { get; }

    public PvsSimulator Pvs { get; }

    public string Address => Pvs.BaseUrl.ToString();

    public static async Task<SimulatedSite> StartAsync(PvsSimulatorOptions options, DateTimeOffset? at = null)
    {
        var time = new ManualTimeProvider(at ?? SiteNoon);
        var pvs = new PvsSimulator(options with { TimeProvider = time, Inverters = options.Inverters == 24 ? 12 : options.Inverters });
        await pvs.StartAsync();
        return new SimulatedSite(time, pvs);
    }

    public PvsClientOptions ClientOptions(string? serial = null) => new()
    {
        TimeProvider = Time,
        Serial = serial,
        // The real windows, timeouts and backoff; no pause between requests, because this clock only moves
        // when a test moves it (the pause itself is covered by PolitenessTests).
        Politeness = new PolitenessOptions { MinInterval = TimeSpan.Zero },
    };

    public Task<PvsClient> ConnectAsync(string? serial = null) => PvsClient.ConnectAsync(Address, ClientOptions(serial));

    public ValueTask DisposeAsync() => Pvs.DisposeAsync();
}
