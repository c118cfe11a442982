using System.Text;
using EnergyTap.FranklinWH.Cloud.Generator;

namespace EnergyTap.FranklinWH.Tests.Cloud;

/// <summary>Some gateways and proxies in front of the cloud refuse chunked bodies: every body goes with Content-Length.</summary>
public class ContentLengthTests
{
    [Fact]
    public async Task Simulator_answers_411_to_a_chunked_body()
    {
        await using var bed = await CloudTestBed.StartAsync();
        using var http = new HttpClient { BaseAddress = bed.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "hes-gateway/terminal/updateIotGenerator")
        {
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes("{\"gatewayId\":\"x\",\"manuSw\":1,\"opt\":1}"))),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(411, (int)response.StatusCode);
        Assert.Equal(1, bed.Simulator.RequestCount("chunked"));
    }

    [Fact]
    public async Task Every_client_body_has_a_content_length_and_reaches_the_simulator()
    {
        await using var bed = await CloudTestBed.StartAsync();
        using var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder, disposeHandler: false);
        var client = bed.Client(httpClient: http);

        await client.SetGeneratorModeAsync(CloudTestBed.Gw1, GeneratorMode.Manual); // login form + JSON body
        await client.RefreshStatusAsync(CloudTestBed.Gw1); // sendMqtt

        var withBody = recorder.Requests.Where(r => r.Body is not null).ToList();
        Assert.Equal(3, withBody.Count);
        Assert.All(withBody, r => Assert.Equal(r.Body!.Length, r.ContentLength));
        Assert.All(withBody, r => Assert.False(r.Chunked));
        Assert.Equal(0, bed.Simulator.RequestCount("chunked"));
        Assert.Equal(2, bed.Simulator.Gateway(CloudTestBed.Gw1).GeneratorManuSw);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
