using System.Text.Json.Serialization.Metadata;
using EnergyTap.Server.Api;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Tests.Service;

public sealed class ApiContractTests
{
    [Theory]
    [InlineData(typeof(ControlState))]
    [InlineData(typeof(HealthReport))]
    [InlineData(typeof(LiveUpdate))]
    [InlineData(typeof(RemoteRelease))]
    public void The_contract_is_served_from_source_generated_metadata(Type type)
    {
        var info = ApiJson.Options.GetTypeInfo(type);

        // Reflection-built metadata comes from DefaultJsonTypeInfoResolver; generated metadata from the context.
        Assert.NotEqual("DefaultJsonTypeInfoResolver", info.OriginatingResolver?.GetType().Name);
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
    }

    [Fact]
    public void Enums_and_names_are_camel_case_as_the_dashboard_reads_them()
    {
        var text = System.Text.Json.JsonSerializer.Serialize(new RemoteRelease(true, false), ApiJson.Options);
        Assert.Equal("""{"released":true,"hadCommand":false}""", text);
        var command = System.Text.Json.JsonSerializer.Serialize(
            new RemoteCommand("1", "home", "agate", BatteryCommandKind.Charge, 2000, default, default, 60, "api"), ApiJson.Options);
        Assert.Contains("\"kind\":\"charge\"", command, StringComparison.Ordinal);
    }
}
