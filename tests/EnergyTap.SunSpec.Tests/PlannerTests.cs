using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Planning;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests;

public class PlannerTests
{
    [Fact]
    public void Reads_never_split_a_point_and_never_exceed_125_registers()
    {
        RegisterRange[] points = [new(0, 100), new(100, 20), new(120, 4), new(124, 2), new(126, 1)];

        var plan = ReadPlanner.Plan(points);

        Assert.Equal([new RegisterRange(0, 124), new RegisterRange(124, 3)], plan);
    }

    [Fact]
    public void Gaps_are_read_along_when_that_saves_a_round_trip_and_far_points_get_their_own_read()
    {
        var plan = ReadPlanner.Plan([new RegisterRange(1000, 1), new RegisterRange(10, 2), new RegisterRange(100, 4)]);

        Assert.Equal([new RegisterRange(10, 94), new RegisterRange(1000, 1)], plan);
    }

    [Fact]
    public async Task A_full_poll_of_the_agate_chain_takes_ten_reads_next_to_a_minimum_of_nine()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());
        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });
        bank.ResetCounts();

        await device.PollAsync();

        var span = device.Map.EndAddress - device.Map.Models[0].DataAddress;
        Assert.Equal(1122, span);
        Assert.Equal(9, ReadPlanner.MinimumReads(span));
        Assert.Equal(10, bank.Reads);
        Assert.All(bank.ReadLog, r => Assert.InRange(r.Count, 1, 125));
        Assert.Equal(device.PlanPoll().Select(r => (r.Start, r.Count)), bank.ReadLog);
    }

    [Fact]
    public async Task A_poll_sees_changed_values_and_changed_non_static_scale_factors()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());
        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });
        var outPw = device.Map.Resolve("502.OutPw");
        var wsf = outPw.ScaleFactorPoint!;
        Assert.False(wsf.Definition.Static);
        bank[wsf.Address] = unchecked((ushort)-1);
        bank.ResetCounts();

        var readings = await device.ReadAsync(["502.OutPw"]);

        Assert.Equal(250.0, readings[0].Value);
        Assert.Equal(1, bank.Reads); // OutPw and W_SF in one read
    }

    [Fact]
    public async Task Reading_points_in_distant_models_costs_one_read_each_and_static_scale_factors_are_not_read_again()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());
        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });
        bank.ResetCounts();

        var readings = await device.ReadAsync(["704.WSetPct", "1.SN", "713.SoC"]);

        Assert.Equal(3, bank.Reads);
        Assert.Equal((324, 1), bank.ReadLog[1]);
        Assert.Equal([0.0, "10050012345678", 87.0], readings.Select(r => r.Value));
    }

    [Fact]
    public async Task A_partial_poll_reads_only_the_chosen_models()
    {
        var bank = RegisterBankClient.From(AgateLikeImage.Build());
        var device = await SunSpecScanner.ScanAsync(bank, new SunSpecScanOptions { BaseAddress = 0 });
        bank.ResetCounts();

        await device.PollAsync([713, 714, 715]);

        Assert.Equal(1, bank.Reads);
        Assert.InRange(bank.ReadLog[0].Address, 1033, 1036);
        Assert.Throws<SunSpecPointException>(() => device.PlanPoll([999]));
    }
}
