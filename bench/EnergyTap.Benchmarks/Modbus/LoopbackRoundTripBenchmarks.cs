using System.Net;
using BenchmarkDotNet.Attributes;
using EnergyTap.Modbus;
using EnergyTap.Modbus.Server;

namespace EnergyTap.Benchmarks.Modbus;

/// <summary>One request/response through our client and server over loopback TCP: the stack's own overhead.</summary>
[MemoryDiagnoser]
public class LoopbackRoundTripBenchmarks
{
    private ModbusTcpServer server = null!;
    private ModbusTcpClient client = null!;

    [Params(ModbusFraming.Tcp, ModbusFraming.RtuOverTcp)]
    public ModbusFraming Framing { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var map = new ModbusRegisterMap();
        map.AddUnit(1).Define(ModbusRegisterKind.Holding, 0, 125, fill: 0x5555);
        server = new ModbusTcpServer(map, new ModbusServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0), Framing = Framing });
        server.StartAsync().GetAwaiter().GetResult();
        client = new ModbusTcpClient(new ModbusClientOptions { Host = "127.0.0.1", Port = server.LocalEndpoint.Port, Framing = Framing });
        client.ConnectAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<ushort[]> Read125() => client.ReadHoldingRegistersAsync(1, 0, 125);

    [Benchmark]
    public Task WriteSingle() => client.WriteSingleRegisterAsync(1, 3, 42);
}
