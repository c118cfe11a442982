using EnergyTap.Server.Control;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.Pipeline;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Server.Hosting;

/// <summary>Everything the service runs, already built from configuration (or by a test or the demo).</summary>
public sealed record ServiceParts
{
    public required IReadOnlyList<SiteInfo> Sites { get; init; }

    /// <summary>Serials the devices reported themselves; the API shows them beside the configured ones.</summary>
    public DeviceSerials Serials { get; init; } = new();
    public required IReadOnlyList<IDevicePoller> Pollers { get; init; }
    public IReadOnlyList<IBatteryController> Batteries { get; init; } = [];
    public required ICommandJournal Journal { get; init; }
    public IReadOnlyList<IReadingSink> Sinks { get; init; } = [];
    public IHistorySource? History { get; init; }
    public string? ControlToken { get; init; }
    public SupervisorOptions Supervisor { get; init; } = new();
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Which sites this instance polls and commands; every site unless it is one of a fleet.</summary>
    public ISiteOwnership Ownership { get; init; } = SingleInstance.Instance;

    /// <summary>Where the PVS caching proxy answers when it runs inside the service.</summary>
    public Uri? ProxyUrl { get; init; }

    /// <summary>Told the outcome of every poll (poll metrics).</summary>
    public Action<Polling.PollerHealth>? OnPolled { get; init; }
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Extra endpoints such as /metrics, mapped beside the API.</summary>
    public Action<IEndpointRouteBuilder>? MapEndpoints { get; init; }

    /// <summary>Disposed in this order when the service stops, after polling has ended (stores, brokers, device connections).</summary>
    public IReadOnlyList<IAsyncDisposable> OwnedResources { get; init; } = [];
}
