using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.FranklinWH.Tests.Cloud;

/// <summary>A started cloud simulator plus clients pointed at it, sharing one manual clock (noon UTC).</summary>
public sealed class CloudTestBed : IAsyncDisposable
{
    public const string Gw1 = "10060006A0SIM0000001"; // generator V1 + smart circuits V1: V2L capable
    public const string Gw2 = "10060006A0SIM0000002"; // smart circuits V2
    public const string Gw3 = "10060006A0SIM0000003"; // Australian: no V2L

    private readonly List<FranklinCloudClient> _clients = [];

    private CloudTestBed(CloudSimulator simulator, Uri baseUri, ManualTimeProvider time)
    {
        Simulator = simulator;
        BaseUri = baseUri;
        Time = time;
    }

    public CloudSimulator Simulator { get; }
    public Uri BaseUri { get; }
    public ManualTimeProvider Time { get; }
    public CollectingLoggerFactory Logs { get; } = new();

    public static async Task<CloudTestBed> StartAsync(Func<CloudSimulatorOptions, CloudSimulatorOptions>? tweak = null)
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new CloudSimulatorOptions { TimeProvider = time, MinStatsInterval = TimeSpan.Zero, Seed = 7 };
        var simulator = new CloudSimulator(tweak?.Invoke(options) ?? options);
        var baseUri = await simulator.StartAsync();
        return new CloudTestBed(simulator, baseUri, time);
    }

    /// <summary>A client with pacing off (tests that check pacing turn it back on) and a long timeout on the manual clock.</summary>
    public FranklinCloudClient Client(Func<FranklinCloudOptions, FranklinCloudOptions>? tweak = null, string email = SimulatedAccount.DemoEmail,
        string password = SimulatedAccount.DemoPassword, ICloudTokenStore? store = null, HttpClient? httpClient = null)
    {
        var options = new FranklinCloudOptions
        {
            BaseUri = BaseUri,
            Credentials = _ => ValueTask.FromResult(new CloudCredentials(email, password)),
            TokenStore = store ?? new InMemoryCloudTokenStore(),
            TimeProvider = Time,
            MinRequestInterval = TimeSpan.Zero,
            StatsInterval = TimeSpan.Zero,
            RequestTimeout = TimeSpan.FromHours(1),
            BackoffBase = TimeSpan.FromSeconds(1),
            Jitter = new Random(3),
            LoggerFactory = Logs,
        };
        var client = new FranklinCloudClient(tweak?.Invoke(options) ?? options, httpClient);
        _clients.Add(client);
        return client;
    }

    /// <summary>Moves the manual clock in one-second steps until the task finishes (at most <paramref name="maxSeconds"/>).</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, int maxSeconds = 120)
    {
        for (var i = 0; i < maxSeconds * 10 && !task.IsCompleted; i++)
        {
            await Task.Delay(10);
            if (i % 10 == 9)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Logs in over plain HTTP, as a third-party client would, and returns the token.</summary>
    public async Task<string> LoginTokenAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account"] = SimulatedAccount.DemoEmail,
            ["password"] = CloudPasswordDigest.Compute(SimulatedAccount.DemoPassword),
            ["lang"] = "en_US",
            ["type"] = "0",
        });
        using var response = await http.PostAsync("hes-gateway/terminal/initialize/appUserOrInstallerLogin", form);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!["token"]!.GetValue<string>();
    }

    /// <summary>One raw request with the token; returns the HTTP status and the parsed body (null when it is not JSON).</summary>
    public async Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> SendRawAsync(HttpMethod method, string relativeUri, string token, string? json = null)
    {
        using var http = new HttpClient { BaseAddress = BaseUri };
        using var request = new HttpRequestMessage(method, relativeUri);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.Add("loginToken", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        System.Text.Json.Nodes.JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        return ((int)response.StatusCode, body);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Simulator.DisposeAsync();
    }
}
