using System.Net;
using EnergyTap.Simulators.Agate;

namespace EnergyTap.Scenarios.Fleet;

/// <summary>Many simulated aGates, each a Modbus TCP listener on its own loopback port.</summary>
internal sealed class AgateFleet : IAsyncDisposable
{
    private readonly List<AgateSimulator> _simulators = [];

    public IReadOnlyList<IPEndPoint> Endpoints { get; private set; } = [];

    public static async Task<AgateFleet> StartAsync(int count, CancellationToken ct)
    {
        var fleet = new AgateFleet();
        var endpoints = new List<IPEndPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var simulator = new AgateSimulator(new AgateSimulatorOptions { Port = 0, Seed = i + 1 });
            fleet._simulators.Add(simulator);
            endpoints.Add(await simulator.StartAsync(ct));
        }

        fleet.Endpoints = endpoints;
        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in _simulators)
        {
            await simulator.DisposeAsync();
        }
    }
}
