using EnergyTap.Modbus;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Sequencing;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests.Sequencing;

public class SequenceRunnerTests
{
    private static readonly SequenceRunOptions Fast = new() { VerifyPoll = TimeSpan.FromMilliseconds(1) };

    private static async Task<(RegisterBankClient Bank, SunSpecDevice Device)> AgateAsync()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());
        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });
        bank.ResetCounts();
        return (bank, device);
    }

    private static int Address(SunSpecDevice device, string point) => device.Map.Resolve(point).Address;

    [Fact]
    public async Task Steps_write_scaled_values_verify_read_and_wait()
    {
        var (bank, device) = await AgateAsync();
        var events = new List<SequenceEvent>();
        var sequence = SequenceLoader.Parse("""
            [
              { "step": "Config", "writes": { "704.WSetMod": 0, "704.WSetPct": -30 } },
              { "step": "Enable", "writes": { "704.WSetEna": "ENABLED" }, "reads": ["704.WSetPct", "713.SoC"], "sleep_ms": 1 },
              { "step": "SoC", "wait_for": { "point": "713.SoC", "operator": ">", "value": 50, "timeout_ms": 50, "poll_ms": 1 } }
            ]
            """);

        var result = await new SequenceRunner(device, Fast with { OnEvent = events.Add }).RunAsync(sequence);

        Assert.True(result.Succeeded);
        Assert.Null(result.Release);
        Assert.Equal(StepWriteOutcome.Verified, result.Steps[0].Writes[1].Outcome);
        Assert.Equal([unchecked((ushort)-30)], result.Steps[0].Writes[1].Registers);
        Assert.Equal(-30.0, result.Steps[1].Reads[0].Value);
        Assert.Equal(87.0, result.Steps[1].Reads[1].Value);
        Assert.True(result.Steps[2].Wait!.Met);
        Assert.Equal((ushort)1, bank[Address(device, "704.WSetEna")]);
        Assert.Equal(6, events.Count(e => e is StepStarting or StepFinished));
    }

    [Fact]
    public async Task A_discarded_write_fails_the_step_aborts_and_releases_control()
    {
        var (bank, device) = await AgateAsync();
        bank.Discarding.Add(Address(device, "704.WMaxLimPctEna"));
        var sequence = SequenceLoader.Parse("""
            [
              { "step": "Enable", "writes": { "704.WSetEna": 1, "704.WSetMod": 0 } },
              { "step": "Limit", "writes": { "704.WMaxLimPctEna": 1 }, "verify_timeout_ms": 20 },
              { "step": "Never", "writes": { "704.WSetPct": 10 } }
            ]
            """);

        var result = await new SequenceRunner(device, Fast).RunAsync(sequence);

        Assert.True(result.Aborted);
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Steps.Count);
        Assert.Equal(StepWriteOutcome.Discarded, result.Steps[1].Writes[0].Outcome);
        Assert.Contains("silently discarded", result.Steps[1].Error, StringComparison.Ordinal);
        Assert.True(result.Release!.Succeeded);
        Assert.Equal(["704.WSetEna", "704.WSetPct", "704.WSet"], result.Release.Writes.Select(w => w.Point));
        Assert.Equal((ushort)0, bank[Address(device, "704.WSetEna")]);
        Assert.DoesNotContain(bank.WriteLog, w => w.Address == Address(device, "704.WSetPct") && w.Values[0] == 10);
    }

    [Fact]
    public async Task Release_can_be_turned_off_and_non_aborting_failures_continue()
    {
        var (bank, device) = await AgateAsync();
        bank.Rejecting[Address(device, "704.WRmp")] = ModbusExceptionCode.IllegalDataAddress;
        var sequence = SequenceLoader.Parse("""
            [
              { "step": "Enable", "writes": { "704.WSetEna": 1 } },
              { "step": "Ramp", "writes": { "704.WRmp": 10 }, "abort_on_failure": false },
              { "step": "Wait", "wait_for": { "point": "704.WSetEna", "value": 0, "timeout_ms": 5, "poll_ms": 1 } }
            ]
            """);

        var result = await new SequenceRunner(device, Fast with { ReleaseOnAbort = false }).RunAsync(sequence);

        Assert.Equal(StepWriteOutcome.Rejected, result.Steps[1].Writes[0].Outcome);
        Assert.False(result.Steps[2].Wait!.Met);
        Assert.Equal(1L, result.Steps[2].Wait!.LastValue);
        Assert.True(result.Aborted);
        Assert.Null(result.Release);
        Assert.Equal((ushort)1, bank[Address(device, "704.WSetEna")]);
    }

    [Fact]
    public async Task Cancelling_midway_still_releases_control()
    {
        var (bank, device) = await AgateAsync();
        using var cts = new CancellationTokenSource();
        var sequence = SequenceLoader.Parse("""
            [
              { "step": "Enable", "writes": { "704.WSetPct": -40, "704.WSetEna": 1 } },
              { "step": "Hold", "sleep_ms": 3600000 }
            ]
            """);
        var options = Fast with { OnEvent = e => { if (e is StepStarting { Step.Name: "Hold" }) { cts.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SequenceRunner(device, options).RunAsync(sequence, cts.Token));

        Assert.Equal((ushort)0, bank[Address(device, "704.WSetEna")]);
        Assert.Equal((ushort)0, bank[Address(device, "704.WSetPct")]);
    }

    [Fact]
    public async Task Invalid_sequence_writes_nothing()
    {
        var (bank, device) = await AgateAsync();
        var sequence = SequenceLoader.Parse("""[{ "step": "a", "writes": { "704.WSetEna": 1 } }, { "step": "b", "writes": { "704.WSetPct": 1500 } }]""");

        await Assert.ThrowsAsync<SequenceValidationException>(() => new SequenceRunner(device).RunAsync(sequence));

        Assert.Equal(0, bank.Writes);
    }

    [Fact]
    public async Task Verify_polls_until_a_late_value_appears()
    {
        var (bank, device) = await AgateAsync();
        var address = Address(device, "704.WSetEna");
        bank.Discarding.Add(address);
        var sequence = SequenceLoader.Parse("""[{ "step": "a", "writes": { "704.WSetEna": 1 }, "verify_timeout_ms": 5000 }]""");
        var clock = new PollCountingClock(() => { bank.Discarding.Remove(address); bank[address] = 1; });

        var result = await new SequenceRunner(device, new SequenceRunOptions { TimeProvider = clock, VerifyPoll = TimeSpan.FromMilliseconds(250) }).RunAsync(sequence);

        Assert.True(result.Succeeded);
        Assert.Equal(StepWriteOutcome.Verified, result.Steps[0].Writes[0].Outcome);
    }

    [Fact]
    public async Task Dry_run_plan_shows_fc16_runs_with_raw_registers()
    {
        var (bank, device) = await AgateAsync();
        var sequence = SequenceLoader.Parse("""[{ "m": 704, "p": ["WSetEna", "WSetMod", "WSetPct"], "v": [1, 0, -25] }]""");

        var plan = SequencePlanner.Plan(sequence, device);

        var writes = Assert.Single(plan).Writes;
        Assert.Equal(2, writes.Count);
        Assert.Equal(Address(device, "704.WSetEna"), writes[0].Address);
        Assert.Equal(new ushort[] { 1, 0 }, writes[0].Registers);
        Assert.Equal(["704.WSetEna", "704.WSetMod"], writes[0].Points);
        Assert.Equal(new[] { unchecked((ushort)-25) }, writes[1].Registers);
        Assert.Equal(0, bank.Writes);
    }

    /// <summary>A clock whose timers fire at once and run a hook at the second timer (the device "settles" late).</summary>
    private sealed class PollCountingClock(Action atSecondPoll) : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UnixEpoch;
        private int timers;

        public override DateTimeOffset GetUtcNow() => now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            now += dueTime;
            if (++timers == 2)
            {
                atSecondPoll();
            }

            callback(state);
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose() { }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
