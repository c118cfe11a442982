using System.Net;
using System.Text.Json;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Proxy;
using EnergyTap.SunPower.Tests.Politeness;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Proxy;

public sealed class PvsProxyTests : IAsyncLifetime
{
    private const string DeviceList = "/cgi-bin/dl_cgi?Command=DeviceList";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakePvs _pvs = new FakePvs()
        .OnJson(DeviceList, Fixture.Text("devicelist-day.json"))
        .OnJson("/cgi-bin/dl_cgi?Command=GridProfileGet", Fixture.Text("grid-profile-get.json"));
    private PvsProxy _proxy = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _proxy = new PvsProxy(new PvsProxyOptions
        {
            Upstream = new Uri("http://127.0.0.1:1"), // never contacted: the fake handler answers
            Listen = "127.0.0.1:0",
            HttpHandler = _pvs,
            TimeProvider = _time,
            Politeness = new PolitenessOptions { MinInterval = TimeSpan.Zero },
        });
        await _proxy.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, MaxConnectionsPerServer = 2000 })
        {
            BaseAddress = _proxy.BoundAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task A_thousand_simultaneous_clients_cause_one_upstream_DeviceList()
    {
        _pvs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, 1000).Select(_ => _http.GetAsync(DeviceList)).ToList();
        await PolitenessTests.WaitUntil(() => _proxy.Stats.ClientRequests >= 1000);
        _pvs.Gate.SetResult();
        var responses = await Task.WhenAll(clients);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var body = await responses[^1].Content.ReadAsStringAsync();
        Assert.Contains("PVS6M01234567p", body, StringComparison.Ordinal);
        Assert.Equal(1, _pvs.Count(DeviceList));
        Assert.Equal(1, _pvs.MaxInFlight);
        Assert.Equal(1, _proxy.Stats.UpstreamCalls);
        Assert.Equal(999, _proxy.Stats.CacheHits);

        _time.Advance(TimeSpan.FromMinutes(6)); // next refresh window: one more call
        await _http.GetAsync(DeviceList);
        await _http.GetAsync(DeviceList);
        Assert.Equal(2, _pvs.Count(DeviceList));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Other_requests_are_forwarded_and_answers_are_gzipped()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cgi-bin/dl_cgi?Command=GridProfileGet");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        await using var unzipped = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var document = await JsonDocument.ParseAsync(unzipped);
        Assert.Equal("success", document.RootElement.GetProperty("status").GetString());

        using var again = await _http.GetAsync("/cgi-bin/dl_cgi?Command=GridProfileGet");
        Assert.Equal(2, _pvs.Count("/cgi-bin/dl_cgi?Command=GridProfileGet")); // not a cached class
        Assert.Equal("pass", again.Headers.GetValues("X-EnergyTap-Cache").Single());
    }

    [Fact]
    public async Task During_a_503_storm_the_last_good_answer_is_served_and_the_PVS_is_left_alone()
    {
        using (await _http.GetAsync(DeviceList))
        {
        }

        _pvs.On(DeviceList, _ => Task.FromResult(FakePvs.ServiceUnavailable()));
        _time.Advance(TimeSpan.FromMinutes(6));
        for (var i = 0; i < 10; i++)
        {
            using var stale = await _http.GetAsync(DeviceList);
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Equal("stale", stale.Headers.GetValues("X-EnergyTap-Cache").Single());
        }

        Assert.Equal(2, _pvs.Count(DeviceList)); // one failed refresh, then backoff
        Assert.True(_proxy.Stats.Errors >= 1);
        Assert.Equal(10, _proxy.Stats.StaleServed);

        using var uncached = await _http.GetAsync("/cgi-bin/dl_cgi?Command=GridProfileGet");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
        Assert.NotNull(uncached.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_stats_page_reports_calls_hits_and_PVS_uptime()
    {
        using (await _http.GetAsync(DeviceList))
        using (await _http.GetAsync(DeviceList))
        {
        }

        var html = await _http.GetStringAsync("/energytap/stats");
        Assert.Contains("Upstream calls", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/energytap/stats.json"));
        Assert.Equal(1, json.RootElement.GetProperty("upstreamCalls").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("cacheHits").GetInt64());
        Assert.Equal(2181, json.RootElement.GetProperty("pvsUptimeSeconds").GetDouble());
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("0.0.0.0:80", "0.0.0.0", 80)]
    [InlineData("[::1]:0", "::1", 0)]
    [InlineData("localhost:9000", "127.0.0.1", 9000)]
    [InlineData("8081", "127.0.0.1", 8081)]
    public void Listen_addresses_parse(string text, string address, int port)
    {
        var (ip, p) = PvsProxy.ParseListen(text);
        Assert.Equal(IPAddress.Parse(address), ip);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData("pvs.local:80")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:99999")]
    public void Bad_listen_addresses_are_refused(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => PvsProxy.ParseListen(text));

        // The library names the value and the parameter; which CLI flag or config key it came from is the caller's to say.
        Assert.StartsWith($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Equal("listen", error.ParamName);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }
}
