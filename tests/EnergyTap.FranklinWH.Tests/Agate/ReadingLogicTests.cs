using EnergyTap.FranklinWH.Agate.Reading;

namespace EnergyTap.FranklinWH.Tests.Agate;

public class ReadingLogicTests
{
    [Theory]
    [InlineData(-51.0, BatteryState.Charging)]
    [InlineData(-50.0, BatteryState.Idle)]
    [InlineData(50.0, BatteryState.Idle)]
    [InlineData(51.0, BatteryState.Discharging)]
    [InlineData(null, BatteryState.Unknown)]
    public void Battery_state_comes_from_dcw_with_a_50_watt_band(double? dcw, BatteryState expected) =>
        Assert.Equal(expected, new BatteryStateClassifier().Classify(dcw));

    [Fact]
    public void Dcw_sign_is_a_setting()
    {
        var positiveCharges = new BatteryStateClassifier(DcwPositiveIsCharging: true);
        Assert.Equal(BatteryState.Charging, positiveCharges.Classify(2000));
        Assert.Equal(-2000, positiveCharges.DischargeWatts(2000));
    }

    [Fact]
    public void Mode_names_show_the_raw_number_and_the_other_numbering()
    {
        var mode = OnGridModeNames.Builtin.Describe(2);
        Assert.Equal(2, mode.Raw);
        Assert.Equal("Self-Consumption", mode.Name);
        Assert.Equal("Self-Consumption (2)", mode.ToString());
        Assert.Equal("Self-Consumption", Assert.Single(mode.Alternatives).Name);

        var tou = OnGridModeNames.Builtin.Describe(1);
        Assert.Equal("Time of Use", tou.Name);
        Assert.Equal("Backup", tou.Alternatives[0].Name);

        Assert.Equal("Time of Use", OnGridModeNames.Builtin.Describe(3, "alternate").Name);
        Assert.Equal("unknown", OnGridModeNames.Builtin.Describe(9).Name);
        Assert.Throws<ArgumentException>(() => OnGridModeNames.Builtin.Describe(1, "nope"));
    }

    [Fact]
    public void Mode_numbering_can_be_loaded_from_data()
    {
        var names = OnGridModeNames.Parse("""{"numberings":[{"id":"mine","source":"test","modes":{"7":"Seven"}}]}""");
        Assert.Equal("Seven", names.Describe(7).Name);
    }
}
