using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class ErrorCodeTests
{
    [Theory]
    [InlineData(102, "did not answer the cloud in time", true)]
    [InlineData(136, "offline", true)]
    [InlineData(181, "not installed", false)]
    public async Task Envelope_codes_become_typed_errors_with_a_readable_message(int code, string phrase, bool transient)
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.ForceError(code, gatewayId: CloudTestBed.Gw1);

        var ex = await Assert.ThrowsAsync<CloudApiException>(() => client.GetStatsAsync(CloudTestBed.Gw1));

        Assert.Equal(code, ex.Code);
        Assert.Contains(phrase, ex.Message, StringComparison.Ordinal);
        Assert.Contains("getDeviceCompositeInfo", ex.Message, StringComparison.Ordinal);
        Assert.Equal(transient, ex.IsTransient);
        Assert.False((await client.GetStatsAsync(CloudTestBed.Gw1)).IsStale); // the next poll is fine again
    }

    [Fact]
    public async Task Offline_gateway_answers_136_to_reads()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOnline(CloudTestBed.Gw2, false);

        var ex = await Assert.ThrowsAsync<CloudApiException>(() => bed.Client().GetSmartCircuitsAsync(CloudTestBed.Gw2));

        Assert.Equal(CloudErrorCodes.GatewayOffline, ex.Code);
    }

    [Fact]
    public async Task A_mode_change_for_an_offline_gateway_is_reported_as_queued()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOnline(CloudTestBed.Gw2, false);

        var result = await bed.Client().SetOperatingModeAsync(CloudTestBed.Gw2, WorkMode.TimeOfUse);

        Assert.Equal(ModeChangeResult.QueuedUntilOnline, result);
        Assert.Equal(1, bed.Simulator.Gateway(CloudTestBed.Gw2).WorkMode);
    }

    [Fact]
    public void Code_176_has_its_own_message() =>
        Assert.Contains("queued", CloudErrorCodes.Describe(176, null, "updateTouModeV2"), StringComparison.Ordinal);

    [Fact]
    public async Task Gateway_not_on_the_account_is_181()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var ex = await Assert.ThrowsAsync<CloudApiException>(() => bed.Client().GetGeneratorInfoAsync("NOT-MINE"));

        Assert.Equal(181, ex.Code);
    }
}
