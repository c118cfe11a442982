using EnergyTap.FranklinWH.Agate.Health;

namespace EnergyTap.FranklinWH.Tests.Agate;

public class HealthRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 21, 12, 0, 0, TimeSpan.Zero);

    private static HealthSample Healthy() => new(Now, WSetEna: 0, WSetMod: 0, WSetPct: 0, WSet: 0, PFWInjEna: 1,
        CommandOwned: false, CommandExpired: false,
        Bounded: [new BoundedValue("713.SoC", 55, 0, 100)],
        Live: [new LiveSample(Now.AddSeconds(-2), 55, 100, 800, 300), new LiveSample(Now, 55, 120, 820, 310)]);

    private static IEnumerable<string> Codes(HealthSample s) => HealthRules.Evaluate(s).Findings.Select(f => f.Code);

    [Fact]
    public void A_consistent_sample_is_healthy()
    {
        var report = HealthRules.Evaluate(Healthy());
        Assert.True(report.Healthy);
        Assert.Equal("ok", Assert.Single(report.Findings).Code);
    }

    [Fact]
    public void Control_enabled_without_an_owner_is_a_zombie()
    {
        var report = HealthRules.Evaluate(Healthy() with { WSetEna = 1, WSetPct = -40 });
        Assert.False(report.Healthy);
        var zombie = Assert.Single(report.Findings);
        Assert.Equal("zombie-control", zombie.Code);
        Assert.Equal("release control to hand the battery back to the aGate, or issue a new command with a revert deadline", zombie.Recommendation);
        Assert.DoesNotContain("zombie-control", Codes(Healthy() with { WSetEna = 1, WSetPct = -40, CommandOwned = true }));
    }

    [Fact]
    public void Wset_together_with_wsetpct_is_a_conflict()
    {
        Assert.Contains("wset-conflict", Codes(Healthy() with { WSetEna = 1, CommandOwned = true, WSet = 2000, WSetPct = -40 }));
    }

    [Fact]
    public void A_steady_battery_under_a_command_is_not_frozen_until_load_and_grid_stay_still_for_a_long_window()
    {
        var held = Healthy() with { WSetEna = 1, WSetPct = -30, CommandOwned = true };
        var quiet = new LiveSample(Now, 55, -1500, 800, 2300); // 1500 W charge held, a quiet house: everything steady

        Assert.DoesNotContain("frozen", Codes(held with { Live = [quiet with { At = Now.AddSeconds(-4) }, quiet with { At = Now.AddSeconds(-2) }, quiet] }));
        Assert.DoesNotContain("frozen", Codes(held with { Live = [quiet with { At = Now.AddSeconds(-10) }, quiet with { SocPercent = 55.1, HomeLoadWatts = 900, GridWatts = 2400 }] }));
        Assert.Contains("frozen", Codes(held with { Live = [quiet with { At = Now.AddSeconds(-31) }, quiet] }));
    }

    [Fact]
    public void Recommendations_name_actions_not_cli_commands_or_flags()
    {
        HealthSample[] samples =
        [
            Healthy() with { WSetEna = 1, WSetPct = -40 },
            Healthy() with { WSetEna = 1, CommandOwned = true, CommandExpired = true, WSetMod = 1, WSet = 500, WSetPct = 20 },
            Healthy() with { WSetEna = 1, CommandOwned = true, WSet = 500, WSetPct = 0 },
            Healthy() with { CommandOwned = true, PFWInjEna = 0 },
        ];
        var findings = samples.SelectMany(s => HealthRules.Evaluate(s).Findings).ToList();

        Assert.Equal(["zombie-control", "expired-command", "wset-conflict", "wsetmod-watts", "wset-nonzero", "orphan-record", "pf-disabled"],
            findings.Select(f => f.Code).Distinct().Where(c => c != "ok"));
        Assert.All(findings, f => Assert.DoesNotContain("energytap", f.Recommendation, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("--", f.Recommendation, StringComparison.Ordinal));
    }

    [Fact]
    public void Near_ffff_values_stale_and_frozen_readings_are_reported()
    {
        Assert.Contains("out-of-bounds:15502", Codes(Healthy() with { Bounded = [new BoundedValue("15502", 65535, 0, 30000)] }));
        Assert.Contains("stale", Codes(Healthy() with { Now = Now.AddMinutes(5) }));
        var same = new LiveSample(Now, 55, 100, 800, 300);
        Assert.Contains("frozen", Codes(Healthy() with { Live = [same with { At = Now.AddSeconds(-5) }, same] }));
        Assert.Contains("pf-disabled", Codes(Healthy() with { PFWInjEna = 0 }));
        Assert.Contains("orphan-record", Codes(Healthy() with { CommandOwned = true }));
    }
}
