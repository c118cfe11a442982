using System.Net;
using EnergyTap.Modbus;
using EnergyTap.Modbus.Server;
using EnergyTap.SunSpec.Images;

namespace EnergyTap.SunSpec.Tests.Fakes;

/// <summary>A real Modbus TCP server on a free loopback port whose unit 1 holds a SunSpec image.</summary>
public sealed class SunSpecTcpServer : IAsyncDisposable
{
    private readonly ModbusTcpServer server;

    private SunSpecTcpServer(SunSpecImage image)
    {
        Image = image;
        var map = new ModbusRegisterMap();
        Bank = map.AddUnit(1);
        Bank.Define(ModbusRegisterKind.Holding, (ushort)image.BaseAddress, image.Registers);
        server = new ModbusTcpServer(map, new ModbusServerOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, 0) });
    }

    public SunSpecImage Image { get; }

    public ModbusRegisterBank Bank { get; }

    public int Port => server.LocalEndpoint.Port;

    public static async Task<SunSpecTcpServer> StartAsync(SunSpecImage image)
    {
        var server = new SunSpecTcpServer(image);
        await server.server.StartAsync();
        return server;
    }

    public ModbusTcpClient Connect() => new(new ModbusClientOptions { Host = "127.0.0.1", Port = Port, RequestTimeout = TimeSpan.FromSeconds(5) });

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
