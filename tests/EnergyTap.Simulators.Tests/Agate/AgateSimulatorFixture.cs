using EnergyTap.Modbus;
using EnergyTap.Simulators.Agate;
using EnergyTap.SunSpec;
using EnergyTap.SunSpec.Discovery;

namespace EnergyTap.Simulators.Tests.Agate;

/// <summary>One simulator on a free loopback port, a manual clock, and a raw Modbus client to poke it.</summary>
internal sealed class AgateSimulatorFixture : IAsyncDisposable
{
    private AgateSimulatorFixture(AgateSimulator simulator, SimulationClock clock, ModbusTcpClient client)
    {
        Simulator = simulator;
        Clock = clock;
        Client = client;
    }

    public AgateSimulator Simulator { get; }
    public SimulationClock Clock { get; }
    public ModbusTcpClient Client { get; }

    public static async Task<AgateSimulatorFixture> StartAsync(Func<AgateSimulatorOptions, AgateSimulatorOptions>? configure = null)
    {
        var clock = new SimulationClock();
        var options = new AgateSimulatorOptions { Port = 0, TimeProvider = clock, Seed = 7 };
        var simulator = new AgateSimulator(configure?.Invoke(options) ?? options);
        var endpoint = await simulator.StartAsync();
        var client = new ModbusTcpClient(new ModbusClientOptions { Host = endpoint.Address.ToString(), Port = endpoint.Port, RequestTimeout = TimeSpan.FromSeconds(5) });
        return new AgateSimulatorFixture(simulator, clock, client);
    }

    public Task<SunSpecDevice> ScanAsync(byte unit = 1) => SunSpecScanner.ScanAsync(Client, new SunSpecScanOptions { UnitId = unit });

    public Task WriteAsync(string point, params ushort[] values) =>
        Client.WriteMultipleRegistersAsync(1, (ushort)Simulator.AddressOf(point), values);

    public async Task<ushort> ReadAsync(string point) => (await Client.ReadHoldingRegistersAsync(1, (ushort)Simulator.AddressOf(point), 1))[0];

    public async Task<ushort> ReadRegisterAsync(ushort address) => (await Client.ReadHoldingRegistersAsync(1, address, 1))[0];

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
