using EnergyTap.Server.Tests.Infrastructure;

namespace EnergyTap.Server.Tests.Metrics;

public sealed class PromtoolTests
{
    [Fact]
    public async Task Promtool_accepts_a_realistic_exposition_without_lint_findings()
    {
        var exposition = RealisticRegistry.Create().Render();

        var (exitCode, output) = await PeerProcess.RunAsync("promtool", "prometheus", ["check", "metrics"], input: exposition);

        Assert.True(exitCode == 0, $"promtool check metrics exited {exitCode}:\n{output}\n--- exposition ---\n{exposition}");
        Assert.Equal(string.Empty, output.Trim());
        Assert.Contains("energytap_battery_power_watts{site=\"home\",device=\"agate\"}", exposition, StringComparison.Ordinal);
    }
}
