using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.FranklinWH.Cloud.Modes;
using EnergyTap.FranklinWH.Cloud.Mqtt;
using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.FranklinWH.Tests.Cloud;

/// <summary>runtimeData, 353, 311 and gateway ids as the live cloud answers them (facts D).</summary>
public class RuntimeFidelityTests
{
    [Fact]
    public async Task Runtime_mode_is_the_active_profile_id_and_name_its_name()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var modes = await client.GetOperatingModeAsync(CloudTestBed.Gw1);
        var before = await client.GetStatsAsync(CloudTestBed.Gw1);
        await client.SetOperatingModeAsync(CloudTestBed.Gw1, WorkMode.TimeOfUse);
        var after = await client.GetStatsAsync(CloudTestBed.Gw1);

        Assert.Equal(modes.ActiveProfileId, before.Current!.ActiveModeId);
        Assert.Equal(modes.Active!.Name, before.Current.ModeName);
        var tou = modes.Profiles.Single(p => p.WorkMode == WorkMode.TimeOfUse);
        Assert.Equal(tou.Id, after.Current!.ActiveModeId);
        Assert.Equal(tou.Name, after.Current.ModeName);
        Assert.Equal(tou, modes.ProfileWithId(after.Current.ActiveModeId));
    }

    [Fact]
    public async Task Offgridreason_is_null_on_the_grid_and_a_code_off_it()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();
        var uri = $"hes-gateway/terminal/getDeviceCompositeInfo?gatewayId={CloudTestBed.Gw1}&refreshFlag=1";

        var onGrid = (await bed.SendRawAsync(HttpMethod.Get, uri, token)).Body!["result"]!["runtimeData"]!.AsObject();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);
        var offGrid = (await bed.SendRawAsync(HttpMethod.Get, uri, token)).Body!["result"]!["runtimeData"]!.AsObject();

        Assert.True(onGrid.ContainsKey("offgridreason"));
        Assert.Null(onGrid["offgridreason"]);
        Assert.Equal(JsonValueKind.Number, offGrid["offgridreason"]!.GetValueKind());
    }

    [Fact]
    public async Task Client_decides_grid_connected_from_null_reason_and_off_grid_from_any_code()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var on = await client.GetStatsAsync(CloudTestBed.Gw1);
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);
        var off = await client.GetStatsAsync(CloudTestBed.Gw1);

        Assert.Equal(GridConnection.Connected, on.Current!.GridConnection);
        Assert.True(on.Current.GridConnected);
        Assert.Null(on.Current.OffGridReason);
        Assert.Equal(GridConnection.OffGrid, off.Current!.GridConnection);
        Assert.False(off.Current.GridConnected);
    }

    [Theory]
    [InlineData("{\"offgridreason\":0}", GridConnection.OffGrid)]
    [InlineData("{\"offgridreason\":null}", GridConnection.Connected)]
    [InlineData("{\"main_sw\":[1,0,0],\"offgridreason\":null}", GridConnection.Connected)]
    [InlineData("{\"main_sw\":[0,0,0],\"offgridreason\":null}", GridConnection.OffGrid)]
    [InlineData("{\"p_sun\":1.0}", GridConnection.Unknown)]
    public async Task A_reason_of_zero_means_off_grid_and_a_missing_field_means_unknown(string runtimeData, GridConnection expected)
    {
        using var http = new HttpClient(new CannedCloud(runtimeData));
        using var client = new FranklinCloudClient(new FranklinCloudOptions
        {
            BaseUri = new Uri("http://127.0.0.1:9/"),
            Credentials = _ => ValueTask.FromResult(new CloudCredentials("a@b.invalid", "pw")),
            MinRequestInterval = TimeSpan.Zero,
            StatsInterval = TimeSpan.Zero,
        }, http);

        var stats = await client.GetStatsAsync("GW");

        Assert.Equal(expected, stats.Current!.GridConnection);
    }

    [Fact]
    public async Task Pro_load_follows_the_smart_circuits()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var before = await client.GetStatsAsync(CloudTestBed.Gw1);
        await client.SetSmartCircuitAsync(CloudTestBed.Gw1, 2, true);
        var after = await client.GetStatsAsync(CloudTestBed.Gw1);

        Assert.Equal([1, 0, 0], before.Current!.SmartCircuitLoads);
        Assert.Equal([1, 1, 0], after.Current!.SmartCircuitLoads);
    }

    [Fact]
    public async Task Accessory_power_is_asked_with_opt_0_and_no_option()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var power = await bed.Client().GetV2lPowerAsync(CloudTestBed.Gw1);

        Assert.Equal("{\"opt\":0}", bed.Simulator.LastMqttFrame!.DataArea);
        Assert.Equal(353, bed.Simulator.LastMqttFrame.CmdType);
        Assert.Equal(0.6, power.Sw1ExpPowerKw);
        Assert.NotNull(power.PowerKw);
        Assert.NotNull(power.ExportKwh);
    }

    [Fact]
    public async Task Smart_circuit_read_has_SwMerge_and_a_write_must_carry_the_whole_set()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();

        var read = await SendMqttAsync(bed, token, new JsonObject { ["opt"] = 0 });
        var partial = await SendMqttAsync(bed, token, new JsonObject { ["opt"] = 1, ["Sw2Mode"] = 1, ["Sw2MsgType"] = 1 });

        var data = JsonNode.Parse(read["result"]!["dataArea"]!.GetValue<string>())!.AsObject();
        Assert.True(data.ContainsKey("SwMerge"));
        Assert.All(new[] { "Sw1Name", "Sw1Mode", "Sw1ProLoad", "Sw1MsgType", "Sw1SocLowSet", "Sw1TimeEn", "Sw2Mode", "Sw3Mode" },
            k => Assert.True(data.ContainsKey(k), k));
        Assert.Equal(500, partial["code"]!.GetValue<int>());
        Assert.Equal([true, false, false], bed.Simulator.Gateway(CloudTestBed.Gw1).CircuitsOn);
    }

    [Fact]
    public async Task Gateway_ids_are_case_sensitive_and_the_client_uses_the_accounts_spelling()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();
        var lower = CloudTestBed.Gw1.ToLowerInvariant();

        var raw = await bed.SendRawAsync(HttpMethod.Get, $"hes-gateway/terminal/getDeviceInfoV2?gatewayId={lower}", token);
        var resolved = await bed.Client().ResolveGatewayAsync(lower);

        Assert.Equal(181, raw.Body!["code"]!.GetValue<int>());
        Assert.Equal(CloudTestBed.Gw1, resolved.Id);
    }

    private static async Task<JsonNode> SendMqttAsync(CloudTestBed bed, string token, JsonObject dataArea) =>
        (await bed.SendRawAsync(HttpMethod.Post, "hes-gateway/terminal/sendMqtt", token,
            Encoding.UTF8.GetString(MqttFrame.Create(311, CloudTestBed.Gw1, dataArea, 0, 1).ToRequestBody()))).Body!;

    /// <summary>A cloud that logs anyone in and answers stats with the given runtimeData, for grid-state edge cases.</summary>
    private sealed class CannedCloud(string runtimeData) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var result = request.RequestUri!.AbsolutePath.EndsWith("appUserOrInstallerLogin", StringComparison.Ordinal)
                ? "{\"token\":\"t\",\"userId\":1}"
                : $"{{\"valid\":true,\"currentWorkMode\":2,\"deviceStatus\":1,\"runtimeData\":{runtimeData}}}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"code\":200,\"message\":\"Success\",\"result\":{result},\"success\":true}}", Encoding.UTF8, "application/json"),
            });
        }
    }
}
