using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.FranklinWH.Tests.Agate;

public class CommandMathTests
{
    private static readonly PowerRatings FiveKw = PowerRatings.Resolve(5000, 5000, 4000);

    [Fact]
    public void Charge_is_negative_and_discharge_positive_on_the_wire()
    {
        Assert.Equal(-60, WSetPctSetpoint.Percent(BatteryCommand.Charge(3000), FiveKw));
        Assert.Equal(40, WSetPctSetpoint.Percent(BatteryCommand.Discharge(2000), FiveKw));
        Assert.Equal(0, WSetPctSetpoint.Percent(BatteryCommand.Idle, FiveKw));
    }

    [Fact]
    public void Percentage_uses_the_charge_and_discharge_ratings_separately()
    {
        var ratings = PowerRatings.Resolve(4000, 8000, 5000);
        Assert.Equal(-50, WSetPctSetpoint.Percent(BatteryCommand.Charge(2000), ratings));
        Assert.Equal(25, WSetPctSetpoint.Percent(BatteryCommand.Discharge(2000), ratings));
        Assert.Equal(2000, WSetPctSetpoint.Watts(25, ratings));
        Assert.Equal(-2000, WSetPctSetpoint.Watts(-50, ratings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(655350.0)]
    public void Missing_ratings_fall_back_and_say_so(double? reported)
    {
        var ratings = PowerRatings.Resolve(reported, 5000, 3300);
        Assert.Equal(3300, ratings.ChargeWatts);
        Assert.True(ratings.ChargeIsFallback);
        Assert.False(ratings.DischargeIsFallback);
    }

    [Theory]
    [InlineData(-60.0, -1, -600)]
    [InlineData(40.0, 0, 40)]
    [InlineData(33.33, -2, 3333)]
    public void Raw_value_applies_the_scale_factor(double percent, int sf, short raw) =>
        Assert.Equal(raw, WSetPctSetpoint.Raw(percent, sf));

    [Fact]
    public void Refuses_beyond_the_rating_negative_watts_and_discharge_at_reserve()
    {
        Assert.Throws<AgateCommandRefusedException>(() => CommandLimits.Check(BatteryCommand.Charge(5001), FiveKw, 50, 20));
        Assert.Throws<AgateCommandRefusedException>(() => CommandLimits.Check(BatteryCommand.Charge(-1), FiveKw, 50, 20));
        Assert.Throws<AgateCommandRefusedException>(() => CommandLimits.Check(BatteryCommand.Discharge(1000), FiveKw, 20, 20));
        Assert.Throws<AgateCommandRefusedException>(() => CommandLimits.Check(BatteryCommand.Discharge(1000), FiveKw, null, 20));
        var fallback = Assert.Throws<AgateCommandRefusedException>(() => CommandLimits.Check(BatteryCommand.Charge(4500), PowerRatings.Resolve(null, null, 4000), 50, 20));
        Assert.Contains("fallback", fallback.Message, StringComparison.Ordinal);

        CommandLimits.Check(BatteryCommand.Charge(5000), FiveKw, 10, 20);
        CommandLimits.Check(BatteryCommand.Discharge(5000), FiveKw, 20.5, 20);
        CommandLimits.Check(BatteryCommand.Idle, FiveKw, 0, 20);
    }

    [Fact]
    public void Soc_ramp_tapers_inside_the_window_and_stops_at_the_target()
    {
        var ramp = new SocRamp(TargetSocPercent: 90, WindowPercent: 10, MinimumWatts: 300);
        Assert.Equal(4000, ramp.Apply(BatteryCommand.Charge(4000), 70).Watts);
        Assert.Equal(2000, ramp.Apply(BatteryCommand.Charge(4000), 85).Watts);
        Assert.Equal(300, ramp.Apply(BatteryCommand.Charge(4000), 89.9).Watts);
        Assert.Equal(BatteryCommand.Idle, ramp.Apply(BatteryCommand.Charge(4000), 90));

        var floor = new SocRamp(TargetSocPercent: 20, WindowPercent: 10);
        Assert.Equal(1500, floor.Apply(BatteryCommand.Discharge(3000), 25).Watts);
        Assert.Equal(BatteryCommand.Idle, floor.Apply(BatteryCommand.Discharge(3000), 19));
    }
}
