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

public class Int16WrapTests
{
    [Theory]
    [InlineData(-25_536.0, 40_000.0, 40_000.0)]   // 40 kW read as -25.536 kW
    [InlineData(25_536.0, -40_000.0, -40_000.0)]
    [InlineData(-5_536.0, 60_100.0, 60_000.0)]    // the balance is only roughly right
    [InlineData(3_000.0, 3_150.0, null)]          // agrees: nothing to correct
    [InlineData(3_000.0, 20_000.0, null)]         // disagrees, but no whole turn explains it
    public void A_value_moves_by_whole_turns_only_when_that_clearly_explains_the_reference(double value, double reference, double? expected) =>
        Assert.Equal(expected, EnergyTap.FranklinWH.Agate.Reading.Int16Wrap.Unwrap(value, reference, 65_536));
}
