using System.Net;
using EnergyTap.Modbus.Server;
using EnergyTap.Simulators.Agate.Physics;
using EnergyTap.SunSpec.Points;

namespace EnergyTap.Simulators.Agate;

/// <summary>
/// A FranklinWH aGate X on Modbus TCP, quirks included: the SunSpec chain at PDU 0 on unit ids 1 and 2,
/// the vendor registers 15502–15513 and 16000, an inverted WSetPct sign, a WSetRvrtTms that never reverts,
/// silently discarded writes, commands that outlive the client, and a site whose solar, home load,
/// battery and grid move with the clock.
/// </summary>
public sealed class AgateSimulator : IAsyncDisposable
{
    private readonly AgateSimulatorOptions options;
    private readonly AgateDevice device;
    private ModbusTcpServer? server;

    public AgateSimulator(AgateSimulatorOptions? options = null)
    {
        this.options = options ?? new AgateSimulatorOptions();
        this.options.PhysicsOptions.Validate();
        device = new AgateDevice(this.options);
        GridConnected = !this.options.OffGrid;
    }

    /// <summary>Where the simulator listens; valid after <see cref="StartAsync"/>.</summary>
    public IPEndPoint Endpoint => server?.LocalEndpoint ?? throw new InvalidOperationException("the aGate simulator has not been started");

    /// <summary>Starts listening; returns the endpoint (with the real port when 0 was asked for).</summary>
    public async Task<IPEndPoint> StartAsync(CancellationToken cancellationToken = default)
    {
        if (server is not null)
        {
            return Endpoint;
        }

        var map = new ModbusRegisterMap();
        map.AddUnit(1, device.Bank);
        map.AddUnit(2, device.Bank);
        server = new ModbusTcpServer(map, new ModbusServerOptions
        {
            // Network idle timeouts stay on the real clock: a test's simulated hours must not hang up on clients.
            Endpoint = new IPEndPoint(options.Listen, options.Port),
        });
        await server.StartAsync(cancellationToken);
        return Endpoint;
    }

    // ---- Test access to the simulated device's inside ----

    /// <summary>The battery power the aGate currently holds (positive = discharge), or null in its native mode.</summary>
    public double? CommandWatts => device.Physics.CommandWatts;

    /// <summary>True while WSet and WSetPct are both set and the mode flickers.</summary>
    public bool Flickering => device.Flickering;

    public double SocPercent => device.Physics.Now().SocPercent;

    public PowerFlow Flow => device.Physics.Now();

    /// <summary>
    /// The utility grid: false = an outage (the aGate islands the home and 701 St reads 0), true = back on the grid.
    /// </summary>
    public bool GridConnected
    {
        get => !device.Physics.OffGrid;
        set => device.Physics.SetOffGrid(!value);
    }

    /// <summary>Every write received, in order, with what was discarded.</summary>
    public IReadOnlyList<AgateWriteRecord> WriteLog => device.Writes;

    /// <summary>A point's current value, e.g. "704.WSetPct" or "714.Prt[2].DCW".</summary>
    public PointReading ReadPoint(string name) => device.ReadPoint(name);

    /// <summary>A raw holding register, e.g. a vendor register (no dropouts applied).</summary>
    public ushort ReadRegister(ushort address) => device.Bank.Get(ModbusRegisterKind.Holding, address);

    /// <summary>The PDU address of a SunSpec point in this simulator's chain.</summary>
    public int AddressOf(string name) => device.Image.Locate(name).Address;

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
