using System.Text;
using EnergyTap.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace EnergyTap.Server.Tests.Configuration;

public sealed class ConfigShapeTests
{
    private static EnergyTapConfig Bind(string json, out IReadOnlyList<string> problems) =>
        ConfigShape.Bind(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build(), out problems);

    [Fact]
    public void Every_unknown_key_and_bad_value_is_reported_at_once_by_its_json_path()
    {
        Bind("""
            {
              "server": { "controlTokn": "x" },
              "mqtt": { "port": "abc", "enabled": "maybe" },
              "sites": [ { "id": "home", "agates": [ { "host": "127.0.0.1", "reserveSocPercent": "lots", "colour": "red" } ] } ]
            }
            """, out var problems);

        Assert.Equal(
        [
            "mqtt.enabled: \"maybe\" must be true or false",
            "mqtt.port: \"abc\" is not a whole number",
            "server.controlTokn: unknown key; did you mean \"controlToken\"?",
            "sites[0].agates[0].colour: unknown key (known here: id, host, port, unit, pollSeconds, reserveSocPercent)",
            "sites[0].agates[0].reserveSocPercent: \"lots\" is not a number",
        ], problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Values_with_a_problem_are_left_out_so_the_rest_can_still_be_validated()
    {
        var config = Bind("""{ "mqtt": { "port": "abc", "host": "broker" }, "sites": [ { "id": "home" } ] }""", out var problems);

        Assert.Single(problems);
        Assert.Equal(1883, config.Mqtt.Port);
        Assert.Equal("broker", config.Mqtt.Host);
        Assert.Equal("sites[0]: has no devices (add pvs, agates or cloud)", Assert.Single(ConfigValidator.Validate(config)));
    }

    [Theory]
    [InlineData("""{ "sites": { "id": "home" } }""", "sites: must be a list [ … ], not an object with \"id\"")]
    [InlineData("""{ "server": "127.0.0.1:8080" }""", "server: must be an object { … }, not \"127.0.0.1:8080\"")]
    [InlineData("""{ "server": { "listen": { "port": 1 } } }""", "server.listen: must be a single value, not an object or list")]
    public void A_value_of_the_wrong_kind_says_what_kind_was_expected(string json, string expected)
    {
        Bind(json, out var problems);

        Assert.Equal(expected, Assert.Single(problems));
    }

    [Fact]
    public void The_template_has_no_problem_of_shape()
    {
        Bind(ConfigTemplate.Text, out var problems);

        Assert.Empty(problems);
    }
}
