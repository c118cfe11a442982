using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Server.Configuration;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Polling;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Cloud;
using EnergyTap.Simulators.Pvs;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>
/// One site as `energytap serve` runs it: a PVS, an aGate (behind a <see cref="TcpRelay"/>) and the FranklinWH
/// cloud, all real simulators on loopback, composed by <see cref="ServiceComposer"/> from an <see cref="EnergyTapConfig"/>
/// into a running <see cref="EnergyTapService"/>. Service and simulators share one manual clock, which
/// <see cref="RunAsync"/> moves a second at a time, letting every due poll finish before the next second.
/// </summary>
internal sealed class FaultSite : IAsyncDisposable
{
    public const string SiteId = "home";
    public const string PvsId = "pvs";
    public const string AgateId = "agate";
    public const string CloudId = "cloud";

    /// <summary>How long the simulated PVS answers 503 after <see cref="PvsSimulator.Reboot"/> before it restarts.</summary>
    public static readonly TimeSpan PvsOutage = TimeSpan.FromMinutes(6);

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _files = new();
    private readonly int _pvsPort = FreePort.Next();
    private readonly string _pvsSerial;

    private FaultSite(PvsFirmware firmware)
    {
        // Local noon at the simulated site (UTC-8), so there is solar power to read.
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 20, 0, 0, TimeSpan.Zero));
        Pvs = NewPvs(firmware, new PvsSimulatorOptions().InitialUptime);
        _pvsSerial = Pvs.Serial;
        Agate = new AgateSimulator(new AgateSimulatorOptions { Port = 0, TimeProvider = Clock });
        Cloud = new CloudSimulator(new CloudSimulatorOptions { TimeProvider = Clock });
    }

    public ManualTimeProvider Clock { get; }

    public CapturedLogs Logs { get; } = new();

    public PvsSimulator Pvs { get; private set; }

    public AgateSimulator Agate { get; }

    public TcpRelay AgateLink { get; private set; } = null!;

    public CloudSimulator Cloud { get; }

    public EnergyTapService Service { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public IReadOnlyList<WatchedPoller> Pollers { get; private set; } = [];

    public static string GatewayId => SimulatedAccount.Demo.Gateways[0].Id;

    public static async Task<FaultSite> StartAsync(PvsFirmware firmware = PvsFirmware.Legacy)
    {
        var site = new FaultSite(firmware);
        try
        {
            await site.StartPartsAsync();
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>The pollers of one device (a PVS has two: devicelist and livedata).</summary>
    public IReadOnlyList<WatchedPoller> PollersOf(string device) => Pollers.Where(p => p.Device.Id == device).ToList();

    public IReadOnlyList<PollerHealth> HealthOf(string device) => Service.Runtime.Scheduler.Health.Where(h => h.Device == device).ToList();

    public Reading? Latest(string device, string quantity) => Service.Runtime.Latest.Get(SiteId, device, quantity);

    /// <summary>True once every poller of the device is up again and its readings (delivered asynchronously) are fresh.</summary>
    public bool Recovered(string device, string quantity) =>
        HealthOf(device).All(h => h.Up) && Latest(device, quantity)?.Quality == ReadingQuality.Fresh;

    /// <summary>
    /// Moves the clock forward a second at a time. After each second, waits (briefly, in real time) until every
    /// poll that fell due has finished, except on the devices named in <paramref name="hanging"/>, whose polls
    /// are expected to sit on an unanswered request until their timeout.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, params string[] hanging)
    {
        for (var moved = TimeSpan.Zero; moved < duration; moved += Step)
        {
            Clock.Advance(Step);
            await SettleAsync(hanging);
        }
    }

    /// <summary>
    /// Runs the clock until <paramref name="condition"/> holds; fails after <paramref name="limit"/> of clock time.
    /// <paramref name="realPace"/> lets real time pass per clock second too, for clients whose reconnect backoff
    /// runs on the real clock (the Modbus client).
    /// </summary>
    public async Task RunUntilAsync(Func<bool> condition, TimeSpan limit, string what, TimeSpan realPace = default, params string[] hanging)
    {
        var end = Clock.GetUtcNow() + limit;
        while (!condition())
        {
            if (Clock.GetUtcNow() >= end)
            {
                Assert.Fail($"{what}: not within {limit} of clock time. Health: {string.Join("; ", Service.Runtime.Scheduler.Health.Select(Describe))}");
            }

            await RunAsync(Step, hanging);
            if (realPace > TimeSpan.Zero)
            {
                await Task.Delay(realPace);
            }
        }
    }

    /// <summary>
    /// The devices other than <paramref name="faulty"/> polled on schedule between <paramref name="from"/> and
    /// <paramref name="to"/>, never failed, never overlapped, and their latest readings are fresh.
    /// </summary>
    public void AssertOthersKeptServing(string faulty, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var poller in Pollers.Where(p => p.Device.Id != faulty))
        {
            var longestGap = poller.Schedule.Interval * (1 + poller.Schedule.Jitter);
            var expected = (int)((to - from) / longestGap) - 1;
            var name = $"{poller.Device.Id}/{poller.DataClass}";
            Assert.Equal(0, poller.FailedBetween(from, to));
            Assert.True(poller.SucceededBetween(from, to) >= expected,
                $"{name}: {poller.SucceededBetween(from, to)} good polls while {faulty} was failing, expected at least {expected}");
            Assert.Equal(1, poller.MaxConcurrent);
        }

        foreach (var device in new[] { PvsId, AgateId, CloudId }.Where(d => d != faulty))
        {
            Assert.True(HealthOf(device).All(h => h.Up), $"{device} should stay up while {faulty} fails");
            var solar = Latest(device, "solar_power");
            Assert.NotNull(solar);
            Assert.Equal(ReadingQuality.Fresh, solar.Quality);
        }

        // The aGate stamps readings with the poll time: they must be no older than two poll intervals.
        if (faulty != AgateId)
        {
            Assert.True(Latest(AgateId, "battery_soc")!.Time >= to - TimeSpan.FromSeconds(11), "aGate readings kept coming");
        }
    }

    /// <summary>
    /// Every reading the device's pollers produced (its inverters' too) is now "missing" (null value), not frozen.
    /// The hub delivers readings asynchronously, so this waits briefly for the failed poll's batch to arrive.
    /// </summary>
    public async Task AssertReadingsMissingAsync(string device)
    {
        IReadOnlyList<Reading> Readings() => Service.Runtime.Latest.Snapshot(SiteId)
            .Where(r => r.Device == device || r.Device.StartsWith(device + "-", StringComparison.Ordinal))
            .ToList();

        var deadline = Environment.TickCount64 + 5000;
        while (Readings().Any(r => r.Quality != ReadingQuality.Missing) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(10);
        }

        var readings = Readings();
        Assert.NotEmpty(readings);
        Assert.All(readings, r =>
        {
            Assert.Equal(ReadingQuality.Missing, r.Quality);
            Assert.Null(r.Value);
        });
    }

    /// <summary>No poll of any device ever overlapped with itself, and nothing was logged as an error.</summary>
    public void AssertNoOverlapAndNoErrors()
    {
        Assert.All(Pollers, p => Assert.True(p.MaxConcurrent <= 1, $"{p.Device.Id}/{p.DataClass} polls overlapped"));
        Assert.Empty(Logs.At(LogLevel.Error).Concat(Logs.At(LogLevel.Critical)));
    }

    /// <summary>GET /api/health as a user (or the dashboard) sees it.</summary>
    public async Task<JsonElement> HealthApiAsync() => await Api.GetFromJsonAsync<JsonElement>("api/health");

    /// <summary>Stored history of one series (GET /api/history), once the writer has flushed what it holds.</summary>
    public async Task<IReadOnlyList<JsonElement>> HistoryApiAsync(string device, string quantity, DateTimeOffset from, DateTimeOffset to)
    {
        await RunAsync(TimeSpan.FromSeconds(10)); // past the writer's flush interval
        var query = $"api/history?site={SiteId}&device={device}&quantity={quantity}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        return [.. (await Api.GetFromJsonAsync<JsonElement>(query)).EnumerateArray()];
    }

    /// <summary>The value of one sample in /metrics, e.g. <c>energytap_reading_up{site="home",device="pvs",quantity="solar_power"}</c>.</summary>
    public async Task<double?> MetricAsync(string series)
    {
        var text = await Api.GetStringAsync("metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The health entry of one poller from /api/health.</summary>
    public static JsonElement PollerIn(JsonElement health, string device, string dataClass) =>
        health.GetProperty("pollers").EnumerateArray().Single(p =>
            p.GetProperty("device").GetString() == device && p.GetProperty("dataClass").GetString() == dataClass);

    /// <summary>Turns the PVS off: connections are refused until <see cref="PowerOnPvsAsync"/>.</summary>
    public async Task PowerOffPvsAsync() => await Pvs.DisposeAsync();

    /// <summary>Boots the PVS again on the same address, freshly started (low uptime), possibly with new firmware.</summary>
    public async Task PowerOnPvsAsync(PvsFirmware firmware, TimeSpan uptime)
    {
        Pvs = NewPvs(firmware, uptime);
        await Pvs.StartAsync();
    }

    public static string Describe(PollerHealth h) =>
        $"{h.Device}/{h.DataClass} up={h.Up} failures={h.ConsecutiveFailures} next={h.NextPoll:HH:mm:ss} error={h.LastError}";

    /// <summary>Writes what a user would have read in the logs (warnings and worse) to the test output.</summary>
    public void WriteLogTo(ITestOutputHelper output)
    {
        foreach (var line in Logs.Entries.Where(e => e.Level >= LogLevel.Warning))
        {
            output.WriteLine($"{line.Level}: {line.Category}: {line.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (AgateLink is not null)
        {
            await AgateLink.DisposeAsync();
        }

        await Pvs.DisposeAsync();
        await Agate.DisposeAsync();
        await Cloud.DisposeAsync();
        Logs.Factory.Dispose();
        _files.Dispose();
    }

    private PvsSimulator NewPvs(PvsFirmware firmware, TimeSpan uptime) => new(new PvsSimulatorOptions
    {
        Port = _pvsPort,
        Firmware = firmware,
        Serial = _pvsSerial,
        Inverters = 4,
        TelemetryPort = null,
        InitialUptime = uptime,
        Politeness = new PvsPolitenessOptions { OutageDuration = PvsOutage },
        TimeProvider = Clock,
    });

    private async Task StartPartsAsync()
    {
        await Pvs.StartAsync();
        var agate = await Agate.StartAsync();
        AgateLink = new TcpRelay(agate.Port);
        var cloud = await Cloud.StartAsync();

        var config = new EnergyTapConfig
        {
            Server = { Listen = "127.0.0.1:0" },
            Storage = { Path = _files.File("energytap.db") },
            Sites =
            {
                new SiteConfig
                {
                    Id = SiteId,
                    Pvs = { new PvsConfig { Id = PvsId, Address = Pvs.BaseUrl.ToString(), Serial = Pvs.Serial } },
                    Agates = { new AgateConfig { Id = AgateId, Host = "127.0.0.1", Port = AgateLink.Port } },
                    Cloud =
                    {
                        new CloudConfig
                        {
                            Id = CloudId,
                            BaseUrl = cloud.ToString(),
                            Email = SimulatedAccount.DemoEmail,
                            Password = SimulatedAccount.DemoPassword,
                            GatewayId = GatewayId,
                        },
                    },
                },
            },
        };
        var (parts, listen) = await ServiceComposer.ComposeAsync(config, new ComposeOptions
        {
            Time = Clock,
            LoggerFactory = Logs.Factory,
            RevertStorePath = _files.File("revert.json"),
        }, CancellationToken.None);
        Pollers = parts.Pollers.Select(p => new WatchedPoller(p, Clock)).ToList();
        Service = await EnergyTapService.StartAsync(parts with { Pollers = Pollers }, listen, CancellationToken.None);
        Api = new HttpClient { BaseAddress = Service.Url, Timeout = TimeSpan.FromSeconds(60) };

        // Every device answers once before any fault starts.
        await RunUntilAsync(() => Service.Runtime.Scheduler.Health.All(h => h.Up), TimeSpan.FromMinutes(3), "first good poll of every device");
    }

    private async Task SettleAsync(string[] hanging)
    {
        var now = Clock.GetUtcNow();
        var deadline = Environment.TickCount64 + 300; // a poll may be waiting on the clock itself (pacing, retry delays)
        var watched = Pollers.Where(p => !hanging.Contains(p.Device.Id)).ToList();
        while (!watched.All(p => IsParked(p, now)) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(2);
        }
    }

    /// <summary>Idle and waiting for a poll in the future: nothing more will happen until the clock moves.</summary>
    private bool IsParked(WatchedPoller poller, DateTimeOffset now) =>
        !poller.InFlight && Service.Runtime.Scheduler.Health.Any(h =>
            h.Device == poller.Device.Id && h.DataClass == poller.DataClass && h.NextPoll > now);
}
