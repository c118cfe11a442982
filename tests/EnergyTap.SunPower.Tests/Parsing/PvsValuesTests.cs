using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Tests.Parsing;

public class PvsValuesTests
{
    [Theory]
    [InlineData("2019,05,11,16,53,53", "2019-05-11T16:53:53Z")]
    [InlineData("1557210800", "2019-05-07T06:33:20Z")]
    [InlineData("2025-07-01T18:30:00Z", "2025-07-01T18:30:00Z")]
    public void Times_are_read_as_UTC(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PvsValues.ParseTime(text));
    }

    [Theory]
    [InlineData("2019,13,11,16,53,53")]
    [InlineData("2019,05,11,16,53")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void Bad_times_are_null(string? text) => Assert.Null(PvsValues.ParseTime(text));

    [Theory]
    [InlineData("0.860000", 0.86)]
    [InlineData("-65.65", -65.65)]
    [InlineData("1e3", 1000.0)]
    public void Numbers_parse_invariantly(string text, double expected) => Assert.Equal(expected, PvsValues.ParseNumber(text));

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("n/a")]
    [InlineData("TBD")]
    [InlineData("1,5")]
    public void Non_numbers_are_null(string text) => Assert.Null(PvsValues.ParseNumber(text));
}
