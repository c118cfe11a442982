using EnergyTap.FranklinWH.Cloud.Mqtt;
using EnergyTap.Simulators.Cloud.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Simulators.Cloud;

/// <summary>
/// A loopback FranklinWH cloud: the same endpoints and envelopes as energy.franklinwh.com, with accounts, several
/// gateways, hardware variants, token expiry, lockout, 102/136 answers, valid:false bursts and 429 on fast polling.
/// Knobs let tests force each of those.
/// </summary>
public sealed class CloudSimulator : IAsyncDisposable
{
    private readonly CloudSimulatorState _state;
    private WebApplication? _app;
    private MqttFrame? _lastFrame;
    private int _outage;

    public CloudSimulator(CloudSimulatorOptions? options = null)
    {
        Options = options ?? new CloudSimulatorOptions();
        _state = new CloudSimulatorState(Options);
    }

    public CloudSimulatorOptions Options { get; }

    /// <summary>Set once started, e.g. http://127.0.0.1:40123/.</summary>
    public Uri? BaseUri { get; private set; }

    /// <summary>Starts listening and returns the base URL to give the client.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the cloud simulator is already started");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(Options.ListenAddress, Options.Port));
        var app = builder.Build();
        app.Use((http, next) => OutageMiddleware.InvokeAsync(http, () => (Outage, OutageStatusCode), _state, next));
        app.Use((http, next) => LengthRequiredMiddleware.InvokeAsync(http, _state, next));
        AuthEndpoint.Map(app, _state);
        GatewayEndpoints.Map(app, _state);
        StatsEndpoint.Map(app, _state);
        GeneratorEndpoints.Map(app, _state);
        TouEndpoints.Map(app, _state);
        StormEndpoints.Map(app, _state);
        MqttEndpoint.Map(app, _state, frame => Volatile.Write(ref _lastFrame, frame));
        await app.StartAsync(cancellationToken);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
        return BaseUri;
    }

    /// <summary>
    /// A whole-cloud failure for fault tests: <see cref="CloudOutage.Hang"/> (requests are never answered) or
    /// <see cref="CloudOutage.ServerError"/> (every request gets <see cref="OutageStatusCode"/>). Requests received
    /// meanwhile are counted as "outage". Set back to <see cref="CloudOutage.None"/> to end it.
    /// </summary>
    public CloudOutage Outage
    {
        get => (CloudOutage)Volatile.Read(ref _outage);
        set => Volatile.Write(ref _outage, (int)value);
    }

    /// <summary>The HTTP status a <see cref="CloudOutage.ServerError"/> outage answers; 503 unless set.</summary>
    public int OutageStatusCode { get; set; } = 503;

    /// <summary>Requests per endpoint name (e.g. "login", "getDeviceCompositeInfo", "sendMqtt", "429", "crcMismatch", "outage", "chunked").</summary>
    public long RequestCount(string endpoint) => _state.Counts.GetValueOrDefault(endpoint);

    public IReadOnlyDictionary<string, long> RequestCounts => new Dictionary<string, long>(_state.Counts);

    /// <summary>The last sendMqtt body as received (before its CRC was checked).</summary>
    public MqttFrame? LastMqttFrame => Volatile.Read(ref _lastFrame);

    /// <summary>The next <paramref name="count"/> gateway requests (of <paramref name="gatewayId"/>, or any) answer <paramref name="code"/> (e.g. 102, 136, 181).</summary>
    public void ForceError(int code, int count = 1, string? gatewayId = null)
    {
        lock (_state.Sync)
        {
            for (var i = 0; i < count; i++)
            {
                _state.Force(new ForcedError(code, gatewayId));
            }
        }
    }

    /// <summary>Every token issued so far answers 10009 from now on.</summary>
    public void ExpireTokens()
    {
        lock (_state.Sync)
        {
            _state.ExpireAllTokens();
        }
    }

    /// <summary>The next <paramref name="polls"/> stats polls of the gateway answer valid:false with runtimeData null.</summary>
    public void StartValidFalseBurst(string gatewayId, int polls) => WithGateway(gatewayId, g => g.ValidFalseRemaining = polls);

    /// <summary>Opens (true) or closes the grid relay, as during an outage.</summary>
    public void SetOffGrid(string gatewayId, bool offGrid) => WithGateway(gatewayId, g => g.OffGrid = offGrid);

    /// <summary>Takes the gateway off the cloud (reads answer 136, settings 176) or brings it back.</summary>
    public void SetOnline(string gatewayId, bool online) => WithGateway(gatewayId, g => g.Online = online);

    /// <summary>The gateway's settings right now.</summary>
    public SimulatedGatewayState Gateway(string gatewayId)
    {
        SimulatedGatewayState? snapshot = null;
        WithGateway(gatewayId, g => snapshot = g.Snapshot());
        return snapshot!;
    }

    private void WithGateway(string gatewayId, Action<GatewayState> action)
    {
        lock (_state.Sync)
        {
            action(_state.FindGateway(gatewayId) ?? throw new ArgumentException($"no simulated gateway {gatewayId}", nameof(gatewayId)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
