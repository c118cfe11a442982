using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.Simulators.Cloud;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class LoginTests
{
    [Fact]
    public void Password_is_sent_as_lowercase_hex_md5() =>
        Assert.Equal("5f4dcc3b5aa765d61d8327deb882cf99", CloudPasswordDigest.Compute("password"));

    [Fact]
    public void Secrets_never_appear_in_ToString()
    {
        Assert.DoesNotContain("hunter2", new CloudCredentials("a@b", "hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok123", new CloudToken("a@b", "tok123").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_base_url_is_the_production_cloud() =>
        Assert.Equal("https://energy.franklinwh.com/", new FranklinCloudOptions().BaseUri.ToString());

    [Fact]
    public async Task Login_stores_the_token_and_a_second_client_reuses_it()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var store = new InMemoryCloudTokenStore();

        var login = await bed.Client(store: store).LoginAsync();
        var gateways = await bed.Client(store: store).GetGatewaysAsync();

        Assert.Equal(SimulatedAccount.DemoEmail, login.Account);
        Assert.Equal(SimulatedAccount.DemoEmail, (await store.LoadAsync(default))!.Account);
        Assert.Equal(3, gateways.Count);
        Assert.Equal(1, bed.Simulator.RequestCount("login"));
    }

    [Fact]
    public async Task Wrong_password_is_an_authentication_error_and_is_not_retried()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var ex = await Assert.ThrowsAsync<CloudAuthenticationException>(() => bed.Client(password: "wrong").LoginAsync());

        Assert.Equal(10002, ex.Code);
        Assert.Contains("check the email and password", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, bed.Simulator.RequestCount("login"));
    }

    [Fact]
    public async Task Repeated_bad_passwords_lock_the_account_and_400_is_never_retried()
    {
        await using var bed = await CloudTestBed.StartAsync(o => o with { LockoutThreshold = 3 });
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<CloudAuthenticationException>(() => bed.Client(password: "wrong").LoginAsync());
        }

        var locked = await Assert.ThrowsAsync<CloudAccountLockedException>(() => bed.Client().LoginAsync());

        Assert.Equal(400, locked.Code);
        Assert.Contains("locked", locked.Message, StringComparison.Ordinal);
        Assert.Equal(4, bed.Simulator.RequestCount("login"));

        bed.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(SimulatedAccount.DemoEmail, (await bed.Client().LoginAsync()).Account);
    }

    [Fact]
    public async Task Mfa_accounts_get_an_error_naming_the_step_to_take()
    {
        var mfa = new SimulatedAccount("mfa@energytap.invalid", "secret", [SimulatedGateway.Bare("GW-MFA", "MFA")]) { RequiresMfa = true };
        await using var bed = await CloudTestBed.StartAsync(o => o with { Accounts = [mfa] });

        var ex = await Assert.ThrowsAsync<CloudMfaRequiredException>(() => bed.Client(email: mfa.Email, password: mfa.Password).GetGatewaysAsync());

        Assert.Contains("turn off two-step verification", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_token_mid_session_logs_in_once_and_retries()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var store = new InMemoryCloudTokenStore();
        var client = bed.Client(store: store);
        await client.GetGatewaysAsync();
        var first = (await store.LoadAsync(default))!.Token;

        bed.Simulator.ExpireTokens();
        var stats = await client.GetStatsAsync(CloudTestBed.Gw1);

        Assert.False(stats.IsStale);
        Assert.Equal(2, bed.Simulator.RequestCount("login"));
        Assert.NotEqual(first, (await store.LoadAsync(default))!.Token);
    }

    [Fact]
    public async Task Token_lifetime_running_out_is_handled_the_same_way()
    {
        await using var bed = await CloudTestBed.StartAsync(o => o with { TokenLifetime = TimeSpan.FromMinutes(30) });
        var client = bed.Client();
        await client.GetGatewaysAsync();

        bed.Time.Advance(TimeSpan.FromMinutes(31));
        var gateways = await client.GetGatewaysAsync();

        Assert.Equal(3, gateways.Count);
        Assert.Equal(2, bed.Simulator.RequestCount("login"));
    }

    [Fact]
    public async Task A_stored_token_the_server_does_not_know_gets_401_and_one_fresh_login()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var store = new InMemoryCloudTokenStore();
        await store.SaveAsync(new CloudToken(SimulatedAccount.DemoEmail, "not-a-token"), default);

        var gateways = await bed.Client(store: store).GetGatewaysAsync();

        Assert.Equal(3, gateways.Count);
        Assert.Equal(1, bed.Simulator.RequestCount("login"));
        Assert.NotEqual("not-a-token", (await store.LoadAsync(default))!.Token);
    }

    [Fact]
    public async Task Without_credentials_a_needed_login_fails_clearly()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var ex = await Assert.ThrowsAsync<CloudAuthenticationException>(() => bed.Client(o => o with { Credentials = null }).GetGatewaysAsync());

        Assert.Contains("no credentials", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_password_nor_token_is_ever_logged()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var store = new InMemoryCloudTokenStore();
        var client = bed.Client(store: store);
        await client.GetGatewaysAsync();
        bed.Simulator.ExpireTokens();
        await client.GetStatsAsync(CloudTestBed.Gw1);
        var token = (await store.LoadAsync(default))!.Token;

        Assert.NotEmpty(bed.Logs.Lines);
        Assert.All(bed.Logs.Lines, line =>
        {
            Assert.DoesNotContain(SimulatedAccount.DemoPassword, line.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(CloudPasswordDigest.Compute(SimulatedAccount.DemoPassword), line.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(token, line.Message, StringComparison.Ordinal);
        });
    }
}
