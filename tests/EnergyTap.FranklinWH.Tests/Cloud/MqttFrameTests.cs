using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Mqtt;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class MqttFrameTests
{
    [Theory]
    [InlineData("123456789", "CBF43926")]
    [InlineData("", "00000000")]
    [InlineData("The quick brown fox jumps over the lazy dog", "414FA339")]
    [InlineData("{\"opt\":1,\"refreshData\":1}", "6FC3A6BF")]
    public void Crc32_matches_zlib_vectors(string text, string expected) =>
        Assert.Equal(expected, Crc32.ToHex(Crc32.Compute(Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void Frame_carries_compact_json_with_its_length_and_crc()
    {
        var frame = MqttFrame.Create(203, "GW", new JsonObject { ["opt"] = 1, ["refreshData"] = 1 }, 1_700_000_000, 5);

        Assert.Equal("{\"opt\":1,\"refreshData\":1}", frame.DataArea);
        Assert.Equal(25, frame.Len);
        Assert.Equal("6FC3A6BF", frame.Crc);
        var body = frame.ToRequestBody();
        Assert.Equal(25, body["len"]!.GetValue<int>());
        Assert.Equal("6FC3A6BF", body["crc"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.String, body["dataArea"]!.GetValueKind());
        Assert.Equal(0, body["type"]!.GetValue<int>());
    }

    [Fact]
    public void Length_counts_utf8_bytes_not_characters()
    {
        var frame = MqttFrame.Create(311, "GW", new JsonObject { ["Sw1Name"] = "Küche" }, 0, 1);

        Assert.Equal(Encoding.UTF8.GetByteCount(frame.DataArea), frame.Len);
        Assert.True(MqttFrame.Matches(frame.DataArea, frame.Len, frame.Crc.ToLowerInvariant()));
        Assert.False(MqttFrame.Matches(frame.DataArea, frame.Len - 1, frame.Crc));
    }

    [Fact]
    public async Task Client_frames_reach_the_simulator_with_matching_len_and_crc()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var answer = await client.RefreshStatusAsync(CloudTestBed.Gw1);

        var frame = bed.Simulator.LastMqttFrame!;
        Assert.Equal(203, frame.CmdType);
        Assert.Equal(CloudTestBed.Gw1, frame.EquipNo);
        Assert.Equal("{\"opt\":1,\"refreshData\":1}", frame.DataArea);
        Assert.Equal(1, answer.GetProperty("refreshData").GetInt32());
        Assert.Equal(0, bed.Simulator.RequestCount("crcMismatch"));
    }

    [Fact]
    public async Task Simulator_rejects_a_frame_whose_crc_does_not_match()
    {
        await using var bed = await CloudTestBed.StartAsync();
        await bed.Client().GetGatewaysAsync(); // logs in
        var token = await LoginTokenAsync(bed);
        var body = MqttFrame.Create(203, CloudTestBed.Gw1, new JsonObject { ["opt"] = 1 }, 0, 1).ToRequestBody();
        body["crc"] = "00000000";
        using var http = new HttpClient { BaseAddress = bed.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "hes-gateway/terminal/sendMqtt") { Content = JsonContent.Create(body) };
        request.Headers.Add("loginToken", token);

        using var response = await http.SendAsync(request);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(500, envelope["code"]!.GetValue<int>());
        Assert.Equal(1, bed.Simulator.RequestCount("crcMismatch"));
    }

    private static async Task<string> LoginTokenAsync(CloudTestBed bed)
    {
        using var http = new HttpClient { BaseAddress = bed.BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account"] = EnergyTap.Simulators.Cloud.SimulatedAccount.DemoEmail,
            ["password"] = EnergyTap.FranklinWH.Cloud.Auth.CloudPasswordDigest.Compute(EnergyTap.Simulators.Cloud.SimulatedAccount.DemoPassword),
            ["lang"] = "en_US",
            ["type"] = "0",
        });
        using var response = await http.PostAsync("hes-gateway/terminal/initialize/appUserOrInstallerLogin", form);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!["token"]!.GetValue<string>();
    }
}
