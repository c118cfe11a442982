using EnergyTap.Fuzzing;
using EnergyTap.Modbus.Framing;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Fuzzing;

/// <summary>
/// One <see cref="ModbusTcpClient"/> kept across many exchanges with a device that answers one request with garbage
/// (mutated answers, trailing bytes, hang-ups, silence) and the next ones properly: whatever the garbage did to the
/// connection, the client recovers by itself and the following request gets the right registers.
/// </summary>
public sealed class ClientRecoveryFuzzTests
{
    private const int Cases = 200;

    /// <summary>
    /// A broken answer may cost the next request too (its leftover bytes are taken for the next answer, and the
    /// connection is then reopened); one more attempt is slack for a loaded test machine missing the short timeout.
    /// </summary>
    private const int GoodAttempts = 3;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Client_recovers_after_every_kind_of_garbage_answer()
    {
        var mutator = new ByteMutator(seed: 37);
        var garbage = false;
        var hangUp = false;
        var fallSilent = false;
        await using var device = new FakePeer(async (stream, _, ct) =>
        {
            while (await FakePeer.ReadMbapRequestAsync(stream, ct) is { } request)
            {
                var answer = FakePeer.Mbap(request.TransactionId, request.Unit, FakePeer.ReadResponse(ModbusFunctionCodes.ReadHoldingRegisters, 0, 1));
                if (!garbage)
                {
                    await stream.WriteAsync(answer, ct);
                    continue;
                }

                if (!fallSilent)
                {
                    await stream.WriteAsync(mutator.Mutate(answer, answer), ct);
                }

                if (hangUp)
                {
                    return;
                }
            }
        });
        await using var client = TestServer.ClientFor(device.Endpoint, ModbusFraming.Tcp, RequestTimeout);

        for (var i = 0; i < Cases; i++)
        {
            (garbage, hangUp, fallSilent) = (true, mutator.Random.Next(3) == 0, mutator.Random.Next(16) == 0);
            var label = $"case {i}{(fallSilent ? " (silent)" : "")}{(hangUp ? " (hang-up)" : "")}";
            await FuzzGuard.RunAsync<ModbusException>($"{label}: garbage answer", () => client.ReadHoldingRegistersAsync(1, 0, 2));

            garbage = false;
            var errors = new List<string>();
            for (var attempt = 0; attempt < GoodAttempts; attempt++)
            {
                var error = await FuzzGuard.RunAsync<ModbusException>($"{label}: good answer {attempt + 1}", async () =>
                    Assert.Equal([0, 1], await client.ReadHoldingRegistersAsync(1, 0, 2)));
                if (error is null)
                {
                    break;
                }

                errors.Add(error.Message);
                Assert.True(errors.Count < GoodAttempts, $"{label}: the client did not recover: {string.Join(" / ", errors)}");
            }
        }
    }
}
