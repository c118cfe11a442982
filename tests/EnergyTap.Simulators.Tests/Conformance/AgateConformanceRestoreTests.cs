using EnergyTap.Simulators.Tests.Agate;
using EnergyTap.SunSpec.Conformance;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.Simulators.Tests.Conformance;

public class AgateConformanceRestoreTests
{
    [Fact]
    public async Task Every_register_the_suite_writes_is_back_at_its_value_from_before_the_run()
    {
        await using var agate = await AgateSimulatorFixture.StartAsync();
        agate.Clock.AutoAdvance = true;
        var device = await agate.ScanAsync();
        var written = ConformanceDiagnostic.All.SelectMany(d => d.Load().Steps).SelectMany(s => s.Writes).Select(w => w.Point)
            .Distinct().ToList();
        var before = written.ToDictionary(p => p, p => agate.Simulator.ReadPoint(p).Value);

        var report = await new ConformanceSuite(device, new ConformanceOptions
        {
            ReversionTime = TimeSpan.FromSeconds(30),
            Run = new SequenceRunOptions { TimeProvider = agate.Clock },
        }).RunAsync();

        Assert.Contains("704.WSetRvrtTms", written);
        Assert.Empty(report.NotRestored);
        Assert.Equal(before, written.ToDictionary(p => p, p => agate.Simulator.ReadPoint(p).Value));
    }

    [Fact]
    public async Task A_cancelled_run_still_restores_the_reversion_time()
    {
        await using var agate = await AgateSimulatorFixture.StartAsync();
        agate.Clock.AutoAdvance = true;
        var device = await agate.ScanAsync();
        var before = agate.Simulator.ReadPoint("704.WSetRvrtTms").Value;
        using var cts = new CancellationTokenSource();
        var suite = new ConformanceSuite(device, new ConformanceOptions
        {
            ReversionTime = TimeSpan.FromSeconds(30),
            Run = new SequenceRunOptions { TimeProvider = agate.Clock },
        });

        // Cancel once the reversion probe has written its timer (the countdown wait is running).
        var run = suite.RunAsync(cts.Token);
        while (!run.IsCompleted && !Equals(agate.Simulator.ReadPoint("704.WSetRvrtTms").Number, 30.0))
        {
            await Task.Yield();
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(before, agate.Simulator.ReadPoint("704.WSetRvrtTms").Value);
    }
}
