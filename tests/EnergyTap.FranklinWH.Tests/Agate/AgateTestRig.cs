using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.Modbus;
using EnergyTap.Simulators.Agate;

namespace EnergyTap.FranklinWH.Tests.Agate;

/// <summary>
/// A simulated aGate on a free loopback port, a shared simulation clock, a private revert-state file,
/// and a raw Modbus client for setting up odd states the controller would never create.
/// </summary>
internal sealed class AgateTestRig : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("energytap-agate-").FullName;
    private readonly List<AgateController> controllers = [];

    private AgateTestRig(AgateSimulator simulator, SimulationClock clock)
    {
        Simulator = simulator;
        Clock = clock;
        StatePath = Path.Combine(directory, "agate-commands.json");
        Raw = new ModbusTcpClient(new ModbusClientOptions { Host = "127.0.0.1", Port = simulator.Endpoint.Port });
    }

    public AgateSimulator Simulator { get; }
    public SimulationClock Clock { get; }
    public string StatePath { get; }
    public ModbusTcpClient Raw { get; }

    public static async Task<AgateTestRig> StartAsync(Func<AgateSimulatorOptions, AgateSimulatorOptions>? configure = null)
    {
        var clock = new SimulationClock();
        var options = new AgateSimulatorOptions { Port = 0, TimeProvider = clock, Seed = 3 };
        var simulator = new AgateSimulator(configure?.Invoke(options) ?? options);
        await simulator.StartAsync();
        return new AgateTestRig(simulator, clock);
    }

    /// <summary>A controller as a separate EnergyTap process would have: own connection, same state file and clock.</summary>
    public async Task<AgateController> ConnectAsync(Func<AgateControlOptions, AgateControlOptions>? control = null)
    {
        var settings = new AgateControlOptions { Settling = TimeSpan.Zero };
        var controller = await AgateController.ConnectAsync(new AgateConnectionOptions
        {
            Host = "127.0.0.1",
            Port = Simulator.Endpoint.Port,
            Store = new RevertStore(StatePath),
            TimeProvider = Clock,
            RequestTimeout = TimeSpan.FromSeconds(5),
            Control = control?.Invoke(settings) ?? settings,
        });
        controllers.Add(controller);
        return controller;
    }

    public Task WriteRawAsync(string point, params ushort[] values) =>
        Raw.WriteMultipleRegistersAsync(1, (ushort)Simulator.AddressOf(point), values);

    public double? Point(string name) => Simulator.ReadPoint(name).Value switch
    {
        double d => d,
        long l => l,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var controller in controllers)
        {
            await controller.DisposeAsync();
        }

        await Raw.DisposeAsync();
        await Simulator.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
