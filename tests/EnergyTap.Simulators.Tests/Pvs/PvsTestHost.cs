using System.Net;
using System.Text.Json;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Tests.Pvs;

/// <summary>A started simulator on a manual clock plus an HttpClient that keeps cookies, disposed together.</summary>
public sealed class PvsTestHost : IAsyncDisposable
{
    /// <summary>Solar noon at the default site (UTC-8).</summary>
    public static readonly DateTimeOffset Noon = new(2026, 6, 21, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Local midnight at the default site.</summary>
    public static readonly DateTimeOffset Midnight = new(2026, 6, 21, 8, 0, 0, TimeSpan.Zero);

    private PvsTestHost(PvsSimulator simulator, ManualTimeProvider clock, HttpClient http, CookieContainer cookies)
    {
        Simulator = simulator;
        Clock = clock;
        Http = http;
        Cookies = cookies;
    }

    public PvsSimulator Simulator { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public static async Task<PvsTestHost> StartAsync(PvsSimulatorOptions? options = null, DateTimeOffset? start = null)
    {
        var clock = new ManualTimeProvider(start ?? Noon);
        var simulator = new PvsSimulator((options ?? new PvsSimulatorOptions()) with { TimeProvider = clock });
        var url = await simulator.StartAsync();
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        return new PvsTestHost(simulator, clock, http, cookies);
    }

    public async Task<JsonElement> GetJsonAsync(string relativeUrl, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(relativeUrl);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {relativeUrl}: expected {expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<JsonElement> DeviceListAsync() => GetJsonAsync("cgi-bin/dl_cgi?Command=DeviceList");

    public async Task LoginAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "auth?login");
        request.Headers.TryAddWithoutValidation("Authorization", "basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"ssm_owner:{Simulator.Password}")));
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
