using EnergyTap.Fuzzing;
using EnergyTap.Modbus.Framing;
using FsCheck.Fluent;

namespace EnergyTap.Modbus.Tests.Fuzzing;

/// <summary>
/// The client's check of a response PDU against its request, on mutated and generated PDUs: it returns exactly the
/// registers asked for or throws a <see cref="ModbusException"/>; nothing else gets out.
/// </summary>
public sealed class ResponsePduFuzzTests
{
    /// <summary>The requests a response can be checked against: FC 3, 4, 23 with a register count, FC 6, FC 16.</summary>
    private static readonly (string Name, Func<byte[], int> Parse)[] Requests =
    [
        ("read holding x2", pdu => ModbusResponsePdu.ReadRegisters(pdu, ModbusFunctionCodes.ReadHoldingRegisters, 2).Length - 2),
        ("read input x1", pdu => ModbusResponsePdu.ReadRegisters(pdu, ModbusFunctionCodes.ReadInputRegisters, 1).Length - 1),
        ("read holding x125", pdu => ModbusResponsePdu.ReadRegisters(pdu, ModbusFunctionCodes.ReadHoldingRegisters, 125).Length - 125),
        ("read/write x2", pdu => ModbusResponsePdu.ReadRegisters(pdu, ModbusFunctionCodes.ReadWriteMultipleRegisters, 2).Length - 2),
        ("write single", pdu => { ModbusResponsePdu.WriteSingle(pdu, 5, 77); return 0; }),
        ("write multiple", pdu => { ModbusResponsePdu.WriteMultiple(pdu, 2, 3); return 0; }),
    ];

    [Fact]
    public void Mutated_responses_give_the_registers_asked_for_or_a_ModbusException()
    {
        var mutator = new ByteMutator(seed: 11);
        for (var i = 0; i < 3000; i++)
        {
            var pdu = mutator.Mutate(mutator.Random.Pick(ModbusSeeds.ResponsePdus));
            Check(pdu, Requests[i % Requests.Length], $"case {i}");
        }
    }

    [Fact]
    public void Generated_responses_give_the_registers_asked_for_or_a_ModbusException() =>
        GeneratedCases.Check(
            ModbusGenerators.Pdu.Select(pdu => new GeneratedBytes(pdu)),
            pdu =>
            {
                foreach (var request in Requests)
                {
                    Check(pdu.Bytes, request, "generated");
                }
            },
            cases: 500);

    private static void Check(byte[] pdu, (string Name, Func<byte[], int> Parse) request, string label) =>
        FuzzGuard.Run<ModbusException>($"{label}: {request.Name} answered by [{Convert.ToHexString(pdu)}]", () =>
            Assert.Equal(0, request.Parse(pdu))); // 0: as many registers as requested
}
