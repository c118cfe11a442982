using System.Net;
using EnergyTap.Simulators.Agate;
using EnergyTap.Simulators.Cloud;
using EnergyTap.Simulators.Pvs;

namespace EnergyTap.Simulators.Demo;

/// <summary>
/// Every simulator the demo needs, on free loopback ports: an aGate and a PVS6 on 2025+ LocalAPI
/// firmware at home, a PVS6 on legacy firmware with a SunVault battery at the cabin, and the
/// FranklinWH cloud with its demo account.
/// </summary>
public sealed class SimulatedHome : IAsyncDisposable
{
    private readonly AgateSimulator _agate;
    private readonly PvsSimulator _pvsVarserver;
    private readonly PvsSimulator _pvsLegacy;
    private readonly CloudSimulator _cloud;

    private SimulatedHome(AgateSimulator agate, PvsSimulator pvsVarserver, PvsSimulator pvsLegacy, CloudSimulator cloud)
    {
        _agate = agate;
        _pvsVarserver = pvsVarserver;
        _pvsLegacy = pvsLegacy;
        _cloud = cloud;
    }

    public IPEndPoint Agate => _agate.Endpoint;

    /// <summary>The home's utility grid: set false for an outage, true to restore it.</summary>
    public bool AgateGridConnected
    {
        get => _agate.GridConnected;
        set => _agate.GridConnected = value;
    }
    public Uri PvsVarserver => _pvsVarserver.BaseUrl;
    public string PvsVarserverSerial => _pvsVarserver.Serial;
    public Uri PvsLegacy => _pvsLegacy.BaseUrl;
    public Uri Cloud { get; private set; } = new("http://127.0.0.1/");
    public string CloudEmail => SimulatedAccount.DemoEmail;
    public string CloudPassword => SimulatedAccount.DemoPassword;
    public string CloudGatewayId => SimulatedAccount.Demo.Gateways[0].Id;

    /// <param name="deviceListDelay">How long a DeviceList takes (a real PVS takes 6–10 s).</param>
    /// <param name="offGrid">Start the home's aGate in a grid outage (see <see cref="AgateGridConnected"/>).</param>
    public static async Task<SimulatedHome> StartAsync(TimeSpan deviceListDelay, CancellationToken cancellationToken, bool offGrid = false)
    {
        var agate = new AgateSimulator(new AgateSimulatorOptions { Port = 0, Batteries = 2, OffGrid = offGrid });
        var varserver = new PvsSimulator(new PvsSimulatorOptions
        {
            Firmware = PvsFirmware.Varserver, Model = PvsModel.PVS6, Inverters = 24, DeviceListDelay = deviceListDelay,
        });
        var legacy = new PvsSimulator(new PvsSimulatorOptions
        {
            Firmware = PvsFirmware.Legacy, Model = PvsModel.PVS6, Inverters = 12, Ess = true, Seed = 2, DeviceListDelay = deviceListDelay, TelemetryPort = null,
        });
        var cloud = new CloudSimulator(new CloudSimulatorOptions());
        var home = new SimulatedHome(agate, varserver, legacy, cloud);
        try
        {
            await agate.StartAsync(cancellationToken);
            await varserver.StartAsync(cancellationToken);
            await legacy.StartAsync(cancellationToken);
            home.Cloud = await cloud.StartAsync(cancellationToken);
            return home;
        }
        catch
        {
            await home.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cloud.DisposeAsync();
        await _pvsLegacy.DisposeAsync();
        await _pvsVarserver.DisposeAsync();
        await _agate.DisposeAsync();
    }
}
