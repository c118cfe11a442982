using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.Server.Configuration;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Polling;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Simulators.Cloud;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Server.Tests.Faults;

/// <summary>
/// A wrong (or empty) cloud password: the service tries once, stops that poller and says why; it never logs in
/// again on its own, because each retry with the same password brings the account closer to a lockout.
/// </summary>
public sealed class CloudLoginRefusedTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _files = new();
    private readonly CapturedLogs _logs = new();
    private CloudSimulator _cloud = null!;
    private Uri _cloudUri = null!;

    public async Task InitializeAsync()
    {
        _cloud = new CloudSimulator(new CloudSimulatorOptions { TimeProvider = _clock });
        _cloudUri = await _cloud.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _cloud.DisposeAsync();
        _logs.Factory.Dispose();
        _files.Dispose();
    }

    [Theory]
    [InlineData("not-the-password")]
    [InlineData("")]
    public async Task A_refused_login_is_never_retried_and_health_says_why(string password)
    {
        await using var service = await StartAsync(password);
        using var api = new HttpClient { BaseAddress = service.Url, Timeout = TimeSpan.FromSeconds(60) };
        PollerHealth Cloud() => service.Runtime.Scheduler.Health.Single();

        await RunUntilAsync(service, () => Cloud().Stopped is not null, TimeSpan.FromMinutes(2), "the cloud poller to stop");
        Assert.Equal(1, _cloud.RequestCount("login"));

        // Two hours of poll periods (30 s, backing off to 10 min) would have been a dozen logins.
        for (var i = 0; i < 120; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(2);
        }

        Assert.Equal(1, _cloud.RequestCount("login"));
        var health = await api.GetFromJsonAsync<JsonElement>("api/health");
        Assert.Equal("down", health.GetProperty("status").GetString());
        var poller = health.GetProperty("pollers").EnumerateArray().Single();
        Assert.False(poller.GetProperty("up").GetBoolean());
        var stopped = poller.GetProperty("stopped").GetString()!;
        Assert.Contains("login", stopped, StringComparison.Ordinal);
        Assert.Contains("restart", stopped, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, poller.GetProperty("nextPoll").ValueKind);
        var logged = Assert.Single(_logs.At(LogLevel.Error));
        Assert.Contains("polling stopped", logged, StringComparison.Ordinal);
        if (password.Length > 0)
        {
            Assert.DoesNotContain(password, string.Join('\n', _logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
        }

        // One refused attempt leaves the account usable: the right password still gets in.
        using var client = new FranklinCloudClient(new FranklinCloudOptions
        {
            BaseUri = _cloudUri,
            Credentials = _ => ValueTask.FromResult(new CloudCredentials(SimulatedAccount.DemoEmail, SimulatedAccount.DemoPassword)),
            TimeProvider = _clock,
        });
        await client.LoginAsync();
    }

    [Fact]
    public void Config_check_refuses_a_cloud_account_without_a_password()
    {
        var config = new EnergyTapConfig
        {
            Sites = [new SiteConfig { Id = "home", Cloud = [new CloudConfig { Email = SimulatedAccount.DemoEmail }] }],
        };

        var problem = Assert.Single(ConfigValidator.Validate(config));

        Assert.StartsWith("sites[0].cloud[0].password: is required", problem, StringComparison.Ordinal);
        Assert.Contains("ENERGYTAP_Sites__0__Cloud__0__Password", problem, StringComparison.Ordinal);
        config.Sites[0].Cloud[0].Password = "from the environment";
        Assert.Empty(ConfigValidator.Validate(config));
    }

    private async Task<EnergyTapService> StartAsync(string password)
    {
        var config = new EnergyTapConfig
        {
            Server = { Listen = "127.0.0.1:0" },
            Storage = { Path = _files.File("energytap.db") },
            Sites =
            {
                new SiteConfig
                {
                    Id = "home",
                    Cloud = { new CloudConfig { Id = "cloud", BaseUrl = _cloudUri.ToString(), Email = SimulatedAccount.DemoEmail, Password = password } },
                },
            },
        };
        var (parts, listen) = await ServiceComposer.ComposeAsync(config, new ComposeOptions { Time = _clock, LoggerFactory = _logs.Factory }, CancellationToken.None);
        return await EnergyTapService.StartAsync(parts, listen, CancellationToken.None);
    }

    /// <summary>Moves the clock a second at a time, letting each due poll finish (in real time) before the next second.</summary>
    private async Task RunUntilAsync(EnergyTapService service, Func<bool> condition, TimeSpan limit, string what)
    {
        var end = _clock.GetUtcNow() + limit;
        while (!condition())
        {
            Assert.True(_clock.GetUtcNow() < end, $"{what}: not within {limit} of clock time");
            _clock.Advance(TimeSpan.FromSeconds(1));
            var now = _clock.GetUtcNow();
            var settle = Environment.TickCount64 + 2000;
            while (Environment.TickCount64 < settle && !condition() && !(service.Runtime.Scheduler.Health.Single().NextPoll > now))
            {
                await Task.Delay(5);
            }
        }
    }
}
