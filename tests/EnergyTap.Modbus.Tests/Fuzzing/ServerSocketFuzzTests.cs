using System.Net.Sockets;
using EnergyTap.Fuzzing;
using EnergyTap.Modbus.Framing;
using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Fuzzing;

/// <summary>
/// A real <see cref="ModbusTcpServer"/> on loopback against raw sockets writing mutated request streams:
/// it answers only with well-formed frames, drops only the offending connection, and a well-behaved client
/// keeps being served throughout.
/// </summary>
public sealed class ServerSocketFuzzTests
{
    private const int Cases = 400;

    [Theory]
    [InlineData(ModbusFraming.Tcp)]
    [InlineData(ModbusFraming.RtuOverTcp)]
    public async Task Server_survives_mutated_request_streams_and_keeps_serving(ModbusFraming framing)
    {
        // Unit 2 holds the top of the address space, where address + count can run past 65535.
        var map = TestServer.SampleMap();
        map.AddUnit(2).Define(ModbusRegisterKind.Holding, 65436, 100);
        await using var server = await TestServer.StartAsync(framing, map);
        await using var client = TestServer.ClientFor(server.LocalEndpoint, framing);
        var codec = IModbusFrameCodec.For(framing);
        var seeds = ModbusSeeds.RequestPdus.Select(pdu => ModbusSeeds.Frame(framing, pdu, 0x0102))
            .Concat(ModbusSeeds.TopOfAddressSpacePdus.Select(pdu => ModbusSeeds.Frame(framing, pdu, 0x0203, unitId: 2)))
            .ToList();
        var mutator = new ByteMutator(seed: 23);
        for (var i = 0; i < Cases; i++)
        {
            // A stream of one to three frames, each kept or mutated, or plain noise.
            var stream = i % 10 == 0
                ? mutator.RandomBytes(600)
                : Enumerable.Range(0, 1 + mutator.Random.Next(3))
                    .SelectMany(_ => mutator.Random.Next(3) == 0 ? mutator.Random.Pick(seeds) : mutator.Mutate(mutator.Random.Pick(seeds), mutator.Random.Pick(seeds)))
                    .ToArray();
            var label = $"{framing} case {i} [{Convert.ToHexString(stream)}]";
            await FuzzGuard.RunAsync(label, async () => AssertWellFormedAnswers(codec, await ExchangeAsync(server, stream), label));

            if (i % 20 == 0)
            {
                await AssertServesAsync(client, label);
            }
        }

        await AssertServesAsync(client, "after every case");
        await using var fresh = TestServer.ClientFor(server.LocalEndpoint, framing);
        await AssertServesAsync(fresh, "a new client after every case");
        Assert.True(server.Statistics.BadFrames > 0, "the cases never reached the server's bad-frame path");
        Assert.True(server.Statistics.ExceptionResponses > 0, "the cases never reached the server's exception answers");
        Assert.Equal(0, server.Statistics.HookFailures); // the map has no hooks: a failure here is the request handler throwing
    }

    /// <summary>Writes the stream, says it is done, and reads every answer until the server closes.</summary>
    private static async Task<byte[]> ExchangeAsync(ModbusTcpServer server, byte[] stream)
    {
        using var vandal = new TcpClient();
        await vandal.ConnectAsync(server.LocalEndpoint);
        var connection = vandal.GetStream();
        var answers = new MemoryStream();
        try
        {
            await connection.WriteAsync(stream);
            vandal.Client.Shutdown(SocketShutdown.Send);
            await connection.CopyToAsync(answers);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            // The server may reset a connection it gave up on while bytes were still in flight: that is its right.
        }

        return answers.ToArray();
    }

    private static void AssertWellFormedAnswers(IModbusFrameCodec codec, byte[] answers, string label)
    {
        var rest = answers.AsSpan();
        while (!rest.IsEmpty)
        {
            var decoded = codec.DecodeResponse(rest);
            Assert.True(decoded.Status == FrameDecodeStatus.Complete, $"{label}: the server sent a malformed answer [{Convert.ToHexString(rest)}]: {decoded.Error}");
            rest = rest[decoded.Consumed..];
        }
    }

    /// <summary>Input registers cannot be written by any request, so their values prove the server still serves correctly.</summary>
    private static async Task AssertServesAsync(ModbusTcpClient client, string label) =>
        await FuzzGuard.RunAsync($"well-behaved client {label}", async () =>
            Assert.Equal([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009], await client.ReadInputRegistersAsync(1, 0, 10)));
}
