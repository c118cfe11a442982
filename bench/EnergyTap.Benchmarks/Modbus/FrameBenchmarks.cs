using BenchmarkDotNet.Attributes;
using EnergyTap.Modbus.Framing;

namespace EnergyTap.Benchmarks.Modbus;

/// <summary>Encoding and decoding the frames a SunSpec poll consists of: 125-register reads.</summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private readonly byte[] request = new byte[300];
    private readonly byte[] mbapResponse = new byte[300];
    private readonly byte[] rtuResponse = new byte[300];
    private readonly byte[] scratch = new byte[300];
    private byte[] responsePdu = [];
    private int mbapLength;
    private int rtuLength;

    [GlobalSetup]
    public void Setup()
    {
        responsePdu = new byte[2 + 250];
        responsePdu[0] = ModbusFunctionCodes.ReadHoldingRegisters;
        responsePdu[1] = 250;
        new Random(1).NextBytes(responsePdu.AsSpan(2));
        mbapLength = MbapFrameCodec.Instance.Encode(7, 1, responsePdu, mbapResponse);
        rtuLength = RtuFrameCodec.Instance.Encode(0, 1, responsePdu, rtuResponse);
    }

    [Benchmark]
    public int EncodeMbapReadRequest()
    {
        var pdu = scratch.AsSpan(0, 5);
        ModbusRequestPdu.Read(pdu, ModbusFunctionCodes.ReadHoldingRegisters, 40000, 125);
        return MbapFrameCodec.Instance.Encode(7, 1, pdu, request);
    }

    [Benchmark]
    public int EncodeRtuReadRequest()
    {
        var pdu = scratch.AsSpan(0, 5);
        ModbusRequestPdu.Read(pdu, ModbusFunctionCodes.ReadHoldingRegisters, 40000, 125);
        return RtuFrameCodec.Instance.Encode(0, 1, pdu, request);
    }

    [Benchmark]
    public int DecodeMbapResponse125() => MbapFrameCodec.Instance.DecodeResponse(mbapResponse.AsSpan(0, mbapLength)).Consumed;

    /// <summary>Includes the CRC over 256 bytes.</summary>
    [Benchmark]
    public int DecodeRtuResponse125() => RtuFrameCodec.Instance.DecodeResponse(rtuResponse.AsSpan(0, rtuLength)).Consumed;

    /// <summary>Validating the PDU and copying out 125 registers (one ushort[] allocation).</summary>
    [Benchmark]
    public ushort[] ParseReadResponse125() => ModbusResponsePdu.ReadRegisters(responsePdu, ModbusFunctionCodes.ReadHoldingRegisters, 125);

    [Benchmark]
    public int EncodeWriteMultiple10()
    {
        ReadOnlySpan<ushort> values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var length = ModbusRequestPdu.WriteMultiple(scratch, 40000, values);
        return MbapFrameCodec.Instance.Encode(8, 1, scratch.AsSpan(0, length), request);
    }
}
