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
        Assert.Contains("agate stop", zombie.Recommendation, StringComparison.Ordinal);
        Assert.DoesNotContain("zombie-control", Codes(Healthy() with { WSetEna = 1, WSetPct = -40, CommandOwned = true }));
    }

    [Fact]
    public void Wset_together_with_wsetpct_is_a_conflict()
    {
        Assert.Contains("wset-conflict", Codes(Healthy() with { WSetEna = 1, CommandOwned = true, WSet = 2000, WSetPct = -40 }));
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
