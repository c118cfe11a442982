using System.Net;
using System.Text;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Tests.Support;

namespace EnergyTap.SunPower.Tests.Client;

public class VarserverClientTests
{
    private const string Serial = "ZT221585000549W1234";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakePvs _pvs = new();
    private string _validSession = "s1";
    private int _sessionCounter = 1;

    public VarserverClientTests()
    {
        _pvs.OnJson("/cgi-bin/dl_cgi/supervisor/info", FakeClient.SupervisorInfo(Serial, 61845))
            .On("/auth?login", request =>
            {
                var expected = "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ssm_owner:W1234"));
                if (request.Headers.TryGetValues("Authorization", out var auth) && auth.Single() == expected)
                {
                    _validSession = "s" + _sessionCounter++;
                    var ok = FakePvs.Json($$"""{"session":"{{_validSession}}"}""");
                    ok.Headers.Add("Set-Cookie", $"session={_validSession}; Path=/; HttpOnly");
                    return Task.FromResult(ok);
                }

                return Task.FromResult(FakePvs.Json("""{"status":401,"error":"Unauthorized"}""", HttpStatusCode.Unauthorized));
            })
            .On("/vars", request =>
            {
                if (!request.Headers.TryGetValues("Cookie", out var cookie) || cookie.Single() != "session=" + _validSession)
                {
                    return Task.FromResult(FakePvs.Json("""{"status":401}""", HttpStatusCode.Unauthorized));
                }

                var query = Uri.UnescapeDataString(request.RequestUri!.Query);
                var body = query.Contains("/sys/devices", StringComparison.Ordinal) || query.Contains("cache=energytap_devices", StringComparison.Ordinal)
                    ? Fixture.Text("vars-devices-flat.json")
                    : Fixture.Text("vars-info-livedata.json");
                return Task.FromResult(FakePvs.Json(body));
            });
    }

    [Fact]
    public async Task Detects_LocalAPI_and_logs_in_with_the_serial()
    {
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time));
        Assert.Equal(PvsGeneration.Varserver, client.Generation);

        var snapshot = await client.GetDevicesAsync();
        Assert.Equal(PvsGeneration.Varserver, snapshot.Generation);
        Assert.Equal(Serial, snapshot.Supervisor!.Serial);
        Assert.Equal(2, snapshot.Inverters.Count());
        var live = await client.GetLiveDataAsync();
        Assert.Equal(3.214, live.PvPower!.Value.Value);
        Assert.Equal(1, _pvs.Count("/auth?login"));
    }

    [Fact]
    public async Task Match_queries_are_registered_once_then_read_by_cache_id()
    {
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time));
        await client.GetDevicesAsync();
        _time.Advance(TimeSpan.FromSeconds(11));
        await client.GetDevicesAsync();

        var queries = _pvs.Requests.Select(r => Uri.UnescapeDataString(r.RequestUri!.Query)).Where(q => q.Contains("energytap_devices", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queries.Count);
        Assert.Contains("match=/sys/devices", queries[0], StringComparison.Ordinal);
        Assert.StartsWith("?cache=energytap_devices", queries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_session_is_renewed_once_transparently()
    {
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time));
        await client.GetLiveDataAsync();
        _validSession = "expired-everywhere"; // the PVS forgot every session
        _time.Advance(TimeSpan.FromSeconds(11));

        var live = await client.GetLiveDataAsync();
        Assert.NotNull(live.PvPower);
        Assert.Equal(2, _pvs.Count("/auth?login"));
        Assert.Equal(2, client.Stats.Logins);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error()
    {
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time) with { Password = "nope0" });
        var error = await Assert.ThrowsAsync<PvsAuthenticationException>(() => client.GetDevicesAsync());
        Assert.Contains("last 5 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_serial_the_client_reads_it_anonymously_and_derives_the_password()
    {
        _pvs.OnJson("/cgi-bin/dl_cgi/supervisor/info", """{"result":"succeed","supervisor":{"MODEL":"PVS6","BUILD":61845}}""")
            .On("/vars?name=/sys/info/serialnum", request => Task.FromResult(request.Headers.Contains("Cookie")
                ? FakePvs.Json("""{"status":400}""", HttpStatusCode.BadRequest)
                : FakePvs.Json($$"""{"/sys/info/serialnum":"{{Serial}}"}""")));
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time));

        Assert.Equal(2, (await client.GetDevicesAsync()).Inverters.Count());
        Assert.Equal(1, _pvs.Count("/vars?name=/sys/info/serialnum"));
        Assert.Equal(1, _pvs.Count("/auth?login"));
    }

    [Fact]
    public async Task A_PVS_that_hides_its_serial_too_makes_the_first_read_ask_for_it()
    {
        _pvs.OnJson("/cgi-bin/dl_cgi/supervisor/info", """{"result":"succeed","supervisor":{"MODEL":"PVS6","BUILD":61845}}""");
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time));
        var error = await Assert.ThrowsAsync<PvsAuthenticationException>(() => client.GetDevicesAsync());
        Assert.Contains("serial", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _pvs.Count("/auth?login"));
    }

    [Fact]
    public async Task Without_supervisor_info_a_probe_of_vars_finds_the_LocalAPI()
    {
        _pvs.OnJson("/cgi-bin/dl_cgi/supervisor/info", "not found", HttpStatusCode.NotFound);
        await using var client = await PvsClient.ConnectAsync(FakeClient.Address, FakeClient.Options(_pvs, _time, Serial));
        Assert.Equal(PvsGeneration.Varserver, client.Generation);
        Assert.Null(client.SupervisorInfo);
    }
}
