using EnergyTap.Fuzzing;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Fuzzing;

/// <summary>
/// A real <see cref="ModbusTcpClient"/> against a raw loopback listener that answers every request with a mutated
/// answer or noise, then hangs up or falls silent: the client returns the registers it asked for or throws a
/// <see cref="ModbusException"/>, and never waits past its own timeout.
/// </summary>
public sealed class ClientSocketFuzzTests
{
    private const int Cases = 300;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMilliseconds(200);

    [Theory]
    [InlineData(ModbusFraming.Tcp)]
    [InlineData(ModbusFraming.RtuOverTcp)]
    public async Task Client_gets_registers_or_a_ModbusException_from_a_garbage_answering_device(ModbusFraming framing)
    {
        // A fresh client starts at transaction id 0, so the seeds carry 0 and mutations decide whether it still matches.
        var seeds = ModbusSeeds.ResponsePdus.Select(pdu => ModbusSeeds.Frame(framing, pdu)).ToList();
        var mutator = new ByteMutator(seed: 31);
        var answer = Array.Empty<byte>();
        var fallSilent = false;
        await using var device = new FakePeer(async (stream, _, ct) =>
        {
            var request = new byte[300];
            if (await stream.ReadAsync(request, ct) == 0)
            {
                return;
            }

            await stream.WriteAsync(answer, ct);
            if (fallSilent)
            {
                while (await stream.ReadAsync(request, ct) > 0)
                {
                    // Silent until the client gives up and hangs up.
                }
            }
        });

        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            answer = i % 10 == 0 ? mutator.RandomBytes(300) : mutator.Mutate(mutator.Random.Pick(seeds), mutator.Random.Pick(seeds));
            fallSilent = i % 16 == 0;
            var request = i % 5;
            var label = $"{framing} case {i}: request {request} answered by [{Convert.ToHexString(answer)}]{(fallSilent ? " then silence" : " then hang-up")}";
            await using var client = TestServer.ClientFor(device.Endpoint, framing, RequestTimeout);
            var error = await FuzzGuard.RunAsync<ModbusException>(label, () => SendAsync(client, request));
            var outcome = error?.GetType().Name ?? "answered";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The cases must exercise the ways a device can fail, not one of them over and over.
        Assert.True(outcomes.Count >= 3, $"outcomes too uniform: {string.Join(", ", outcomes)}");
    }

    private static async Task SendAsync(ModbusTcpClient client, int request)
    {
        switch (request)
        {
            case 0:
                Assert.Equal(2, (await client.ReadHoldingRegistersAsync(1, 0, 2)).Length);
                break;
            case 1:
                Assert.Single(await client.ReadInputRegistersAsync(1, 0, 1));
                break;
            case 2:
                await client.WriteSingleRegisterAsync(1, 5, 77);
                break;
            case 3:
                await client.WriteMultipleRegistersAsync(1, 2, new ushort[] { 1, 2, 3 });
                break;
            default:
                Assert.Equal(2, (await client.ReadWriteMultipleRegistersAsync(1, 0, 2, 10, new ushort[] { 9 })).Length);
                break;
        }
    }
}
