using EnergyTap.Server.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Storage;

namespace EnergyTap.Server.Tests.Service;

public sealed class ServiceApiTests : IAsyncLifetime
{
    private readonly FakeBattery _battery = new();
    private readonly MemoryJournal _journal = new();
    private readonly RecordingHistory _history = new();
    private EnergyTapService _service = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var poller = new FakePoller("home", "agate", TimeSpan.FromSeconds(5));
        poller.Behaviour = (_, _) => Task.FromResult<IReadOnlyList<Reading>>(
        [
            new("home", "agate", "battery_power", -1500, "W", DateTimeOffset.UtcNow),
            new("home", "agate", "battery_soc", 64, "%", DateTimeOffset.UtcNow),
            new("home", "agate", "solar_power", 3200, "W", DateTimeOffset.UtcNow),
        ]);
        var parts = new ServiceParts
        {
            Sites = [new SiteInfo("home", "Home", [poller.Device])],
            Pollers = [poller],
            Batteries = [_battery],
            Journal = _journal,
            ControlToken = "s3cret",
            History = _history,
        };
        _service = await EnergyTapService.StartAsync(parts, new IPEndPoint(IPAddress.Loopback, 0), default);
        _http = new HttpClient { BaseAddress = _service.Url, Timeout = TimeSpan.FromSeconds(60) }; // generous: the suite shares 2 cores with every other test project
        await Eventually.TrueAsync(() => _service.Runtime.Latest.Snapshot().Count == 3, "first poll");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Lists_sites_with_their_devices()
    {
        var sites = await _http.GetFromJsonAsync<JsonElement>("api/sites");

        Assert.Equal("home", sites[0].GetProperty("id").GetString());
        Assert.Equal("agate", sites[0].GetProperty("devices")[0].GetProperty("id").GetString());
        Assert.Equal("agate", sites[0].GetProperty("devices")[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, sites[0].GetProperty("devices")[0].GetProperty("serial").ValueKind);

        _service.Runtime.Serials.Learn(_service.Runtime.Sites[0].Devices[0], "10060006A00000000005");
        sites = await _http.GetFromJsonAsync<JsonElement>("api/sites");
        Assert.Equal("10060006A00000000005", sites[0].GetProperty("devices")[0].GetProperty("serial").GetString());
    }

    [Fact]
    public async Task Serves_the_power_flow_from_the_latest_readings()
    {
        var flow = await _http.GetFromJsonAsync<JsonElement>("api/sites/home/flow");

        Assert.Equal(-1500, flow.GetProperty("battery").GetProperty("value").GetDouble());
        Assert.Equal(64, flow.GetProperty("batterySoc").GetProperty("value").GetDouble());
        Assert.Equal("%", flow.GetProperty("batterySoc").GetProperty("unit").GetString());
        Assert.Equal("W", flow.GetProperty("battery").GetProperty("unit").GetString());
        Assert.Equal(3200, flow.GetProperty("solar").GetProperty("value").GetDouble());
        Assert.Equal("missing", flow.GetProperty("grid").GetProperty("quality").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("api/sites/nowhere/flow")).StatusCode);
    }

    [Fact]
    public async Task History_takes_relative_times_and_a_resolution_as_the_cli_does()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await _http.GetAsync("api/history?site=home&quantity=solar_power&from=-1h&resolution=raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (from, to, resolution) = Assert.Single(_history.Queries);
        Assert.InRange(to - from, TimeSpan.FromMinutes(59.9), TimeSpan.FromMinutes(60.1));
        Assert.True(to >= before, "to defaults to now");
        Assert.Equal(HistoryResolution.Raw, resolution);
    }

    [Theory]
    [InlineData("api/history?site=home&quantity=solar_power&from=yesterday", "from 'yesterday' is not a time")]
    [InlineData("api/history?site=home&quantity=solar_power&resolution=weekly", "resolution 'weekly' is not one of auto, raw, 5m, 1h")]
    [InlineData("api/history?site=home&quantity=solar_power&from=-1h&to=-2h", "must be before to")]
    [InlineData("api/history?quantity=solar_power", "site and quantity are required")]
    public async Task Bad_history_requests_are_400_with_a_problem_saying_what_is_wrong(string url, string detail)
    {
        var response = await _http.GetAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        Assert.Empty(_history.Queries);
    }

    [Theory]
    [InlineData("""{"kind":"explode","watts":2000,"durationSeconds":600}""", "kind must be one of idle, charge, discharge")]
    [InlineData("""{"kind":"charge","watts":"lots","durationSeconds":600}""", "watts must be a number")]
    [InlineData("""{"kind":"charge","watts":2000}""", "durationSeconds must be a whole number")]
    [InlineData("charge please", "the body is not JSON")]
    public async Task A_bad_control_body_is_400_with_a_problem_and_writes_nothing(string body, string detail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/control/home/agate") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");

        await AssertProblemAsync(await _http.SendAsync(request), HttpStatusCode.BadRequest, detail);
        Assert.Empty(_battery.Writes);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_with_a_problem_body()
    {
        var response = await _http.GetAsync("api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Remembers what the API asked of history, answering with nothing.</summary>
    private sealed class RecordingHistory : IHistorySource
    {
        public System.Collections.Concurrent.ConcurrentQueue<(DateTimeOffset From, DateTimeOffset To, HistoryResolution Resolution)> Queries { get; } = new();

        public Task<IReadOnlyList<HistoryPoint>> QueryAsync(string site, string? device, string quantity, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
        {
            Queries.Enqueue((from, to, resolution));
            return Task.FromResult<IReadOnlyList<HistoryPoint>>([]);
        }
    }

    [Fact]
    public async Task Control_needs_the_bearer_token()
    {
        var body = JsonContent.Create(new { kind = "charge", watts = 2000, durationSeconds = 600 });
        var response = await _http.PostAsync("api/control/home/agate", body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_battery.Writes);
    }

    [Fact]
    public async Task A_charge_command_reaches_the_battery_with_a_deadline_and_an_audit_entry()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/control/home/agate")
        {
            Content = JsonContent.Create(new { kind = "charge", watts = 2000, durationSeconds = 600 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(600, command.GetProperty("remainingSeconds").GetDouble(), 1.0);
        Assert.Equal(["Charge 2000"], _battery.Writes);
        Assert.Contains(_journal.Audit, a => a.StartsWith("api:127.0.0.1 issue", StringComparison.Ordinal));
        var control = await _http.GetFromJsonAsync<JsonElement>("api/control");
        Assert.Equal(1, control.GetProperty("active").GetArrayLength());
    }

    [Fact]
    public async Task A_refused_command_is_a_422_with_the_reason()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/control/home/agate")
        {
            Content = JsonContent.Create(new { kind = "discharge", watts = 9000, durationSeconds = 600 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("rating", await response.Content.ReadAsStringAsync());
        Assert.Empty(_battery.Writes);
    }

    [Fact]
    public async Task The_live_stream_sends_the_power_flow()
    {
        using var stream = await _http.GetStreamAsync("api/stream");
        using var reader = new StreamReader(stream);

        Assert.Equal("event: update", await reader.ReadLineAsync());
        var data = (await reader.ReadLineAsync())!;
        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        var update = JsonDocument.Parse(data["data: ".Length..]).RootElement;
        Assert.Equal(3200, update.GetProperty("flows")[0].GetProperty("solar").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Serves_the_dashboard()
    {
        var page = await _http.GetStringAsync("/");
        var script = await _http.GetStringAsync("/app.js");

        Assert.Contains("<title>EnergyTap</title>", page);
        Assert.Contains("EventSource(\"/api/stream\")", script);
    }

    [Fact]
    public async Task Health_reports_each_poller()
    {
        var health = await _http.GetFromJsonAsync<JsonElement>("api/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("pollers")[0].GetProperty("up").GetBoolean());
    }
}
