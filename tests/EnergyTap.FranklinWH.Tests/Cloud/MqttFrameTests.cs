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
        var text = Encoding.UTF8.GetString(frame.ToRequestBody());
        using var body = JsonDocument.Parse(text);
        var root = body.RootElement;
        Assert.Equal(25, root.GetProperty("len").GetInt32());
        Assert.Equal("6FC3A6BF", root.GetProperty("crc").GetString());
        Assert.Equal("EN_US", root.GetProperty("lang").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("dataArea").ValueKind);
        Assert.Equal(frame.DataArea, root.GetProperty("dataArea").GetRawText());
        Assert.Contains("\"dataArea\":{\"opt\":1,\"refreshData\":1}", text, StringComparison.Ordinal);
        Assert.Equal(0, root.GetProperty("type").GetInt32());
    }

    [Fact]
    public void Non_ascii_names_keep_the_exact_text_len_and_crc_were_computed_over()
    {
        var frame = MqttFrame.Create(311, "GW", new JsonObject { ["Sw1Name"] = "Küche \"1\"" }, 0, 1);

        using var body = JsonDocument.Parse(frame.ToRequestBody());
        var spliced = body.RootElement.GetProperty("dataArea").GetRawText();
        Assert.Equal(frame.DataArea, spliced);
        Assert.True(MqttFrame.Matches(spliced, body.RootElement.GetProperty("len").GetInt32(), body.RootElement.GetProperty("crc").GetString()!));
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
        var token = await bed.LoginTokenAsync();
        var body = JsonNode.Parse(MqttFrame.Create(203, CloudTestBed.Gw1, new JsonObject { ["opt"] = 1 }, 0, 1).ToRequestBody())!;
        body["crc"] = "00000000";

        var envelope = await PostAsync(bed, token, body.ToJsonString());

        Assert.Equal(500, envelope["code"]!.GetValue<int>());
        Assert.Equal(1, bed.Simulator.RequestCount("crcMismatch"));
    }

    [Fact]
    public async Task Simulator_refuses_dataArea_as_a_string_as_the_live_relay_expects_an_object()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();
        var frame = MqttFrame.Create(203, CloudTestBed.Gw1, new JsonObject { ["opt"] = 1, ["refreshData"] = 1 }, 0, 1);
        var stringForm = new JsonObject
        {
            ["lang"] = "EN_US", ["cmdType"] = 203, ["equipNo"] = CloudTestBed.Gw1, ["type"] = 0, ["timeStamp"] = 0, ["snno"] = 1,
            ["len"] = frame.Len, ["crc"] = frame.Crc, ["dataArea"] = frame.DataArea,
        };

        var envelope = await PostAsync(bed, token, stringForm.ToJsonString());

        Assert.Equal(500, envelope["code"]!.GetValue<int>());
        Assert.Contains("object", envelope["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_reply_echoes_the_frame_and_carries_dataArea_as_a_string_with_its_own_len_and_crc()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();
        var frame = MqttFrame.Create(203, CloudTestBed.Gw1, new JsonObject { ["opt"] = 1, ["refreshData"] = 1 }, 1_700_000_000, 42);

        var envelope = await PostAsync(bed, token, Encoding.UTF8.GetString(frame.ToRequestBody()));

        var result = envelope["result"]!.AsObject();
        Assert.Equal(200, envelope["code"]!.GetValue<int>());
        Assert.Equal(203, result["cmdType"]!.GetValue<int>());
        Assert.Equal(CloudTestBed.Gw1, result["equipNo"]!.GetValue<string>());
        Assert.Equal(42, result["snno"]!.GetValue<int>());
        var area = result["dataArea"]!;
        Assert.Equal(JsonValueKind.String, area.GetValueKind());
        Assert.True(MqttFrame.Matches(area.GetValue<string>(), result["len"]!.GetValue<int>(), result["crc"]!.GetValue<string>()));
    }

    private static async Task<JsonNode> PostAsync(CloudTestBed bed, string token, string json) =>
        (await bed.SendRawAsync(HttpMethod.Post, "hes-gateway/terminal/sendMqtt", token, json)).Body!;
}
