using EnergyTap.Simulators.Tests.Agate;
using EnergyTap.SunSpec.Conformance;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.Simulators.Tests.Conformance;

public class AgateConformanceTests
{
    [Fact]
    public async Task Conformance_reports_exactly_the_documented_agate_quirks_and_releases_control()
    {
        await using var agate = await AgateSimulatorFixture.StartAsync();
        agate.Clock.AutoAdvance = true; // sleeps, verify polls and the reversion wait pass in simulated time
        var device = await agate.ScanAsync();
        var suite = new ConformanceSuite(device, new ConformanceOptions
        {
            ReversionTime = TimeSpan.FromSeconds(30),
            ReversionGrace = TimeSpan.FromSeconds(60),
            Run = new SequenceRunOptions { TimeProvider = agate.Clock },
        });

        var report = await suite.RunAsync();

        var verdicts = report.Findings.ToDictionary(f => f.Feature, f => f.Verdict);
        Assert.Equal(new Dictionary<string, ConformanceVerdict>
        {
            [ConformanceDiagnostic.ActivePower] = ConformanceVerdict.Works,
            [ConformanceDiagnostic.PowerFactor] = ConformanceVerdict.Works,
            [ConformanceDiagnostic.Curtailment] = ConformanceVerdict.SilentlyDiscarded,
            [ConformanceDiagnostic.ReactivePower] = ConformanceVerdict.SilentlyDiscarded,
            [ConformanceDiagnostic.Heartbeat] = ConformanceVerdict.SilentlyDiscarded,
            [ConformanceDiagnostic.Reversion] = ConformanceVerdict.AcceptedWithoutEffect,
            [ConformanceDiagnostic.Ramp] = ConformanceVerdict.SilentlyDiscarded,
        }, verdicts);
        Assert.Contains("inverted", report.Find(ConformanceDiagnostic.ActivePower)!.Note, StringComparison.Ordinal);
        Assert.Contains("wrote 704.WMaxLimPctEna=1, read back 0", report.Find(ConformanceDiagnostic.Curtailment)!.Evidence, StringComparison.Ordinal);
        var reversion = report.Find(ConformanceDiagnostic.Reversion)!;
        Assert.Contains("wrote 704.WSetRvrtTms=30, read back 30", reversion.Evidence, StringComparison.Ordinal);
        Assert.Contains("counted down from 30 to 0", reversion.Evidence, StringComparison.Ordinal);
        Assert.Contains("never reverts", reversion.Evidence, StringComparison.Ordinal);

        Assert.True(report.Released);
        Assert.Equal(0.0, agate.Simulator.ReadPoint("704.WSetEna").Number);
        Assert.Equal(0.0, agate.Simulator.ReadPoint("704.WSetPct").Number);
        Assert.Null(agate.Simulator.CommandWatts);
        Assert.Equal(1.0, agate.Simulator.ReadPoint("704.PFWInjEna").Number);
    }

    [Fact]
    public async Task A_firmware_that_drops_WSetPct_is_reported_as_discarding_it()
    {
        await using var agate = await AgateSimulatorFixture.StartAsync(o => o with { DiscardWritesTo = ["704.WSetPct"] });
        agate.Clock.AutoAdvance = true;
        var device = await agate.ScanAsync();

        var report = await new ConformanceSuite(device, new ConformanceOptions { Run = new SequenceRunOptions { TimeProvider = agate.Clock } }).RunAsync();

        Assert.Equal(ConformanceVerdict.SilentlyDiscarded, report.Find(ConformanceDiagnostic.ActivePower)!.Verdict);
    }
}
