using System.Net;
using EnergyTap.Modbus.Server;

namespace EnergyTap.Modbus.Tests.Support;

/// <summary>Starts our server on a free loopback port with a small register map.</summary>
internal static class TestServer
{
    public static async Task<ModbusTcpServer> StartAsync(ModbusFraming framing = ModbusFraming.Tcp, ModbusRegisterMap? map = null, ModbusServerOptions? options = null)
    {
        map ??= SampleMap();
        var server = new ModbusTcpServer(map, (options ?? new ModbusServerOptions()) with
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Framing = framing,
        });
        await server.StartAsync();
        return server;
    }

    /// <summary>Unit 1: holding 0..99 = 1000 + address, input 0..9 = 2000 + address.</summary>
    public static ModbusRegisterMap SampleMap()
    {
        var map = new ModbusRegisterMap();
        var bank = map.AddUnit(1);
        bank.Define(ModbusRegisterKind.Holding, 0, Enumerable.Range(0, 100).Select(i => (ushort)(1000 + i)).ToArray());
        bank.Define(ModbusRegisterKind.Input, 0, Enumerable.Range(0, 10).Select(i => (ushort)(2000 + i)).ToArray());
        return map;
    }

    public static ModbusTcpClient ClientFor(IPEndPoint endpoint, ModbusFraming framing = ModbusFraming.Tcp, TimeSpan? timeout = null) =>
        new(new ModbusClientOptions
        {
            Host = endpoint.Address.ToString(),
            Port = endpoint.Port,
            Framing = framing,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        });
}
