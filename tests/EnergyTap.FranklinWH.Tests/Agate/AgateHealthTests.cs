namespace EnergyTap.FranklinWH.Tests.Agate;

public class AgateHealthTests
{
    [Fact]
    public async Task Control_enabled_by_someone_else_is_a_zombie()
    {
        await using var rig = await AgateTestRig.StartAsync();
        await rig.WriteRawAsync("704.WSetEna", 1);
        await rig.WriteRawAsync("704.WSetPct", unchecked((ushort)-300));
        rig.Clock.AutoAdvance = true;
        var report = await (await rig.ConnectAsync()).CheckHealthAsync();
        Assert.False(report.Healthy);
        var zombie = Assert.Single(report.Findings, f => f.Code == "zombie-control");
        Assert.StartsWith("release control", zombie.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WSet_with_WSetPct_is_reported_as_a_conflict()
    {
        await using var rig = await AgateTestRig.StartAsync();
        await rig.WriteRawAsync("704.WSetEna", 1);
        await rig.WriteRawAsync("704.WSetPct", unchecked((ushort)-300));
        await rig.WriteRawAsync("704.WSet", 0, 500);
        var report = await (await rig.ConnectAsync()).CheckHealthAsync(samples: 1);
        Assert.Contains(report.Findings, f => f.Code == "wset-conflict");
    }

    [Fact]
    public async Task An_owned_command_on_a_live_aGate_is_healthy()
    {
        await using var rig = await AgateTestRig.StartAsync();
        rig.Clock.AutoAdvance = true;
        var controller = await rig.ConnectAsync();
        await controller.ChargeAsync(2000, TimeSpan.FromHours(1));
        var report = await controller.CheckHealthAsync(samples: 3, spacing: TimeSpan.FromSeconds(40));
        Assert.True(report.Healthy, string.Join("; ", report.Findings.Select(f => f.Message)));
    }
}
