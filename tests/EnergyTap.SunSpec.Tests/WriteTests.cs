using EnergyTap.Modbus;
using EnergyTap.SunSpec.Codecs;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Tests.Fakes;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.SunSpec.Tests;

public class WriteTests
{
    private static async Task<(RegisterBankClient Bank, SunSpecDevice Device)> AgateAsync()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());
        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });
        bank.ResetCounts();
        return (bank, device);
    }

    [Fact]
    public async Task The_agate_battery_sequence_is_written_in_order_and_verified()
    {
        var (bank, device) = await AgateAsync();

        var report = await device.WriteAsync(
        [
            new PointWrite("704.WSetEna", "DISABLED"),
            new PointWrite("704.WSetMod", "W_MAX_PCT"),
            new PointWrite("704.WSetPct", -60),
            new PointWrite("704.WSetEna", 1),
        ]);

        Assert.Equal([WriteOutcome.Overwritten, WriteOutcome.Verified, WriteOutcome.Verified, WriteOutcome.Verified], report.Results.Select(r => r.Outcome));
        Assert.True(report.AllVerified);
        // WSetEna and WSetMod are adjacent and written in that order: one run. WSetEna=1 comes last, on its own.
        Assert.Equal(3, report.WriteRequests);
        Assert.Equal([318, 324, 318], bank.WriteLog.Select(w => w.Address));
        Assert.Equal([[0, 0], [unchecked((ushort)-60)], [1]], bank.WriteLog.Select(w => w.Values));
        Assert.Equal(-60.0, report.Results[2].ReadBack!.Value);
        Assert.Equal(1, report.ReadRequests); // read back 318..324 at once; WSetPct_SF is static and known
    }

    [Fact]
    public async Task Adjacent_points_in_order_merge_into_one_run()
    {
        var (bank, device) = await AgateAsync();

        var report = await device.WriteAsync([new PointWrite("704.WSetEna", 1), new PointWrite("704.WSetMod", 0), new PointWrite("704.WSet", 1500)]);

        Assert.Equal(1, report.WriteRequests);
        Assert.Equal(318, bank.WriteLog[0].Address);
        Assert.Equal(new ushort[] { 1, 0, 0, 1500 }, bank.WriteLog[0].Values);
    }

    [Fact]
    public async Task Runs_are_capped_at_123_registers()
    {
        var (bank, device) = await AgateAsync();
        var writes = Enumerable.Range(1, 2).SelectMany(c => Enumerable.Range(1, 2).SelectMany(p => new[]
        {
            new PointWrite($"705.Crv[{c}].Pt[{p}].V", 100),
            new PointWrite($"705.Crv[{c}].Pt[{p}].Var", 0),
        }));

        var report = await device.WriteAsync(writes);

        Assert.True(report.AllVerified);
        Assert.All(bank.WriteLog, w => Assert.InRange(w.Values.Length, 1, WritePlanner.MaxRegistersPerWrite));
        Assert.Equal(2, report.WriteRequests); // the two points of each curve are adjacent, curves are not
    }

    [Fact]
    public async Task A_write_the_device_acknowledges_and_ignores_is_reported_as_discarded()
    {
        var (bank, device) = await AgateAsync();
        bank.Discarding.Add(device.Map.Resolve("704.WMaxLimPct").Address);

        var report = await device.WriteAsync([new PointWrite("704.WMaxLimPctEna", 1), new PointWrite("704.WMaxLimPct", 50)]);

        Assert.Equal([WriteOutcome.Verified, WriteOutcome.Discarded], report.Results.Select(r => r.Outcome));
        Assert.False(report.AllVerified);
        Assert.Null(report.Results[1].ReadBack!.Value); // still "not implemented"
    }

    [Fact]
    public async Task A_rejected_write_stops_the_sequence_and_the_rest_is_not_attempted()
    {
        var (bank, device) = await AgateAsync();
        bank.Rejecting[device.Map.Resolve("704.WSetMod").Address] = ModbusExceptionCode.IllegalDataValue;

        var report = await device.WriteAsync(
        [
            new PointWrite("704.WSetEna", 0), new PointWrite("704.WSetPct", 10), new PointWrite("704.WSetMod", 0), new PointWrite("704.WSetEna", 1),
        ]);

        Assert.Equal([WriteOutcome.Verified, WriteOutcome.Verified, WriteOutcome.Rejected, WriteOutcome.NotAttempted], report.Results.Select(r => r.Outcome));
        Assert.Contains("exception 3", report.Results[2].Error);
        Assert.Equal(3, bank.Writes);
        Assert.Equal(0, bank[device.Map.Resolve("704.WSetEna").Address]);
    }

    [Theory]
    [InlineData("704.WSetPct", 40000, "704.WSetPct: 40000 Pct is outside what it can hold, -32767..32767 Pct (int16, scale factor 0)")]
    [InlineData("704.WSetRvrtRem", 1, "read-only")]
    [InlineData("713.SoC", 1, "read-only")]
    [InlineData("704.WSetMod", "CHARGE", "'CHARGE' is not one of its symbols (W_MAX_PCT, WATTS)")]
    [InlineData("704.WSetPct", "abc", "is not a number")]
    [InlineData("704.WSetPct", 1.5, "finer than the resolution")]
    public async Task Bad_values_are_refused_before_anything_is_sent(string point, object value, string message)
    {
        var (bank, device) = await AgateAsync();

        var ex = await Assert.ThrowsAnyAsync<SunSpecException>(() => device.WriteAsync([new PointWrite("704.WSetEna", 0), new PointWrite(point, value)]));

        Assert.Contains(message, ex.Message);
        Assert.Equal(0, bank.Writes);
    }

    [Fact]
    public async Task Human_values_are_scaled_by_the_current_scale_factor_and_raw_values_are_not()
    {
        var (bank, device) = await AgateAsync();

        await device.WriteAsync([new PointWrite("704.PFWInj.PF", 0.95)]);
        Assert.Equal(950, bank[device.Map.Resolve("704.PFWInj.PF").Address]);

        await device.WriteAsync([new PointWrite("704.PFWInj.PF", new RawValue(1000))]);
        Assert.Equal(1000, bank[device.Map.Resolve("704.PFWInj.PF").Address]);
    }

    [Fact]
    public async Task A_failed_read_back_reports_the_writes_as_unverified_instead_of_throwing()
    {
        var (bank, device) = await AgateAsync();
        var failing = new ReadBackFails(bank);
        var sameDevice = new SunSpecDevice(failing, device.Map, registers: device.Latest.Registers);

        var report = await sameDevice.WriteAsync([new PointWrite("704.WSetPct", 5)]);

        Assert.Equal(WriteOutcome.Unverified, report.Results[0].Outcome);
        Assert.Contains("read-back failed", report.Results[0].Error);
        Assert.Equal(5, bank[324]);
    }

    /// <summary>Passes writes through, times out on reads.</summary>
    private sealed class ReadBackFails(RegisterBankClient inner) : IModbusClient
    {
        public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
            throw new ModbusTimeoutException("no answer within 10 s");

        public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
            throw new ModbusTimeoutException("no answer within 10 s");

        public Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default) =>
            inner.WriteSingleRegisterAsync(unitId, address, value, cancellationToken);

        public Task WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken cancellationToken = default) =>
            inner.WriteMultipleRegistersAsync(unitId, address, values, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
