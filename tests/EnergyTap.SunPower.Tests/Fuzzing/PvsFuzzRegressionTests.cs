using System.Text;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Varserver;

namespace EnergyTap.SunPower.Tests.Fuzzing;

/// <summary>Inputs the fuzzer found that broke a PVS parser, kept as named cases.</summary>
public sealed class PvsFuzzRegressionTests
{
    [Theory]
    [InlineData("""{"result":"succeed","devices":[{"SERIAL":"\ud800","DEVICE_TYPE":"Inverter"}]}""")]
    [InlineData("""{"result":"succeed","devices":[{"\udc00x":"1","DEVICE_TYPE":"Inverter"}]}""")]
    public void Half_a_surrogate_pair_is_a_protocol_error_not_InvalidOperationException(string body)
    {
        var error = Assert.Throws<PvsProtocolException>(() => DeviceListParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains("broken \\u escape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_a_name_no_longer_breaks_property_lookup()
    {
        // TryGetProperty("supervisor") compares against the broken name and used to throw InvalidOperationException.
        var body = Encoding.UTF8.GetBytes("""{"\ud800":1,"result":"succeed","supervisor":{"SERIAL":"ZT1"}}""");

        Assert.Throws<PvsProtocolException>(() => PvsJson.Parse(body, "Start").Dispose());
    }

    [Fact]
    public void Body_that_is_not_UTF8_is_a_protocol_error()
    {
        byte[] body = [.. "{\"result\":\"succeed\",\"devices\":[{\"SERIAL\":\""u8, 0xC3, 0x28, .. "\"}]}"u8]; // 0xC3 0x28: a broken two-byte sequence

        var error = Assert.Throws<PvsProtocolException>(() => DeviceListParser.Parse(body));

        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sys/devices/inverter/\u0663/sn")] // ARABIC-INDIC DIGIT THREE matched \d, int.Parse threw FormatException
    [InlineData("/sys/devices/inverter/99999999999/sn")] // eleven digits: OverflowException
    [InlineData("/sys/devices/\u0663/meter/data")]
    public void Varserver_names_with_odd_indexes_are_not_device_variables(string name)
    {
        var devices = VarserverDeviceMapper.MapDevices(new Dictionary<string, string?>
        {
            [name] = """{"sn":"X"}""",
            ["/sys/devices/inverter/0/sn"] = "E001",
        });

        Assert.Equal("E001", Assert.Single(devices).Serial);
    }

    [Fact]
    public void Unix_milliseconds_past_year_9999_are_no_time_rather_than_ArgumentOutOfRangeException()
    {
        Assert.Null(PvsValues.ParseTime("999999999999999999"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_751_393_400_000), PvsValues.ParseTime("1751393400000"));

        var devices = DeviceListParser.Parse("""{"result":"succeed","devices":[{"SERIAL":"E001","DEVICE_TYPE":"Inverter","DATATIME":"999999999999999999"}]}"""u8.ToArray());
        Assert.Null(Assert.Single(devices).DataTime);
    }

    [Fact]
    public void Result_text_with_a_line_break_still_gives_a_one_line_message()
    {
        var body = """{"result":"error\nat line 2\r\n","devices":[]}"""u8.ToArray();

        var error = Assert.Throws<PvsProtocolException>(() => DeviceListParser.Parse(body));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("error at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_message_with_half_a_surrogate_pair_is_skipped()
    {
        Assert.Null(VarserverTelemetry.Parse("""{"notification":"power","params":{"pv_p":"\ud800"}}"""u8));
        Assert.NotNull(VarserverTelemetry.Parse("""{"notification":"power","params":{"pv_p":"1.5"}}"""u8));
    }
}
