using EnergyTap.Manager.Battery;

namespace EnergyTap.Manager.Tests;

public sealed class BatterySpecTests
{
    [Theory]
    [InlineData(0, 5000, 5000, 0.9, 20, "capacity")]
    [InlineData(13600, -1, 5000, 0.9, 20, "charge power")]
    [InlineData(13600, 5000, 0, 0.9, 20, "discharge power")]
    [InlineData(13600, 5000, 5000, 1.2, 20, "efficiency")]
    [InlineData(13600, 5000, 5000, 0.9, 100, "reserve")]
    public void An_impossible_battery_says_which_limit_is_wrong(double capacity, double charge, double discharge, double efficiency, double reserve, string named)
    {
        Assert.Contains(named, new BatterySpec(capacity, charge, discharge, efficiency, reserve).Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_franklin_aPower_is_usable() => Assert.Null(new BatterySpec(13600, 5000, 5000).Problem());
}
