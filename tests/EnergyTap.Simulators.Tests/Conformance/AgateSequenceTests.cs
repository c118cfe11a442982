using EnergyTap.Simulators.Tests.Agate;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.Simulators.Tests.Conformance;

public class AgateSequenceTests
{
    private static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyTap.slnx")))
            {
                return Path.Combine(dir.FullName, "examples", "sequences", name);
            }
        }

        throw new InvalidOperationException("EnergyTap.slnx not found");
    }

    [Fact]
    public async Task Shipped_charge_example_charges_the_simulated_battery_and_releases()
    {
        await using var agate = await AgateSimulatorFixture.StartAsync();
        agate.Clock.AutoAdvance = true;
        var device = await agate.ScanAsync();
        var sequence = SequenceLoader.LoadFile(Example("01_charge_at_percent.json"));
        double? commandWhileObserving = null;
        var options = new SequenceRunOptions
        {
            TimeProvider = agate.Clock,
            OnEvent = e => { if (e is StepFinished { Result.Step.Name: "Observe" }) { commandWhileObserving = agate.Simulator.CommandWatts; } },
        };

        var result = await new SequenceRunner(device, options).RunAsync(sequence);

        Assert.True(result.Succeeded, string.Join("; ", result.Steps.Select(s => s.Error)));
        Assert.Equal(-1500, commandWhileObserving); // -30 % of 5000 W: charging, on the aGate's inverted sign
        Assert.Equal(-30.0, result.Step("Observe")!.Reads.Single(r => r.Point == "704.WSetPct").Value);
        Assert.Null(agate.Simulator.CommandWatts);
    }

    [Fact]
    public async Task A_discarded_write_aborts_and_the_runner_releases_the_agate()
    {
        await using var agate = await AgateSimulatorFixture.StartAsync();
        agate.Clock.AutoAdvance = true;
        var device = await agate.ScanAsync();
        var sequence = SequenceLoader.Parse("""
            [
              { "step": "Discharge", "writes": { "704.WSetMod": 0, "704.WSetPct": 20, "704.WSetEna": 1 } },
              { "step": "Curtail", "writes": { "704.WMaxLimPctEna": 1 } },
              { "m": 704, "p": ["WSetEna"], "v": [0] }
            ]
            """);

        var result = await new SequenceRunner(device, new SequenceRunOptions { TimeProvider = agate.Clock }).RunAsync(sequence);

        Assert.True(result.Aborted);
        Assert.Equal(StepWriteOutcome.Discarded, result.Steps[1].Writes[0].Outcome);
        Assert.True(result.Release!.Succeeded);
        Assert.Null(agate.Simulator.CommandWatts);
    }
}
