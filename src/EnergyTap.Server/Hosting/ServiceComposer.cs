using System.Net;
using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;
using EnergyTap.FranklinWH.Cloud;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.Server.Adapters;
using EnergyTap.Server.Configuration;
using EnergyTap.Server.Control;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.HomeAssistant;
using EnergyTap.Server.Metrics;
using EnergyTap.Server.Mqtt;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Storage;
using EnergyTap.Server.Storage.Ingest;
using EnergyTap.Server.Storage.Maintenance;
using EnergyTap.Server.Storage.Postgres;
using EnergyTap.Server.Storage.Sql;
using EnergyTap.Server.Storage.Sqlite;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Proxy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Hosting;

/// <summary>Where the composed service keeps its files, and its clock and logs.</summary>
public sealed record ComposeOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The aGate revert-deadline file shared with `energytap agate`; null = its default location.</summary>
    public string? RevertStorePath { get; init; }

    /// <summary>
    /// The directory PVS politeness is shared through with other EnergyTap processes (the CLI), so a user's
    /// `pvs` commands and the service never ask one PVS at once or for back-to-back DeviceLists; null = not shared.
    /// </summary>
    public string? PvsSharedCacheDirectory { get; init; }
}

/// <summary>Builds the running parts of the service from a validated configuration.</summary>
public static class ServiceComposer
{
    public static async Task<(ServiceParts Parts, IPEndPoint Listen)> ComposeAsync(
        EnergyTapConfig config, ComposeOptions options, CancellationToken cancellationToken)
    {
        // Everything created here, in creation order; the service disposes it in reverse (last created first).
        var owned = new List<IAsyncDisposable>();
        var log = options.LoggerFactory;
        var time = options.Time;

        var storeOptions = new ReadingStoreOptions
        {
            Time = time,
            LoggerFactory = log,
            Retention = RetentionPolicy.Default with { Raw = TimeSpan.FromDays(config.Storage.RawRetentionDays) },
        };
        SqlReadingStore store = config.Storage.Provider == "postgres"
            ? await PostgresReadingStore.OpenAsync(config.Storage.Postgres!, storeOptions, cancellationToken)
            : await SqliteReadingStore.OpenAsync(string.IsNullOrWhiteSpace(config.Storage.Path) ? StoragePaths.DefaultDatabasePath : config.Storage.Path, storeOptions, cancellationToken);
        var writer = new ReadingWriter(store, time: time, logger: log.CreateLogger<ReadingWriter>());
        var maintenance = new BackgroundLoop(ct => new MaintenanceLoop(store, MaintenanceLoop.DefaultInterval, time, log.CreateLogger<MaintenanceLoop>()).RunAsync(ct));
        owned.Add(store);
        owned.Add(writer); // flushed before the store closes
        owned.Add(maintenance);

        var registry = new MetricRegistry();
        ProcessMetrics.Register(registry);
        IngestMetrics.Register(registry, writer);
        var pollMetrics = new PollMetrics(registry);
        var sinks = new List<IReadingSink> { new StoreSink(writer), new MetricsSink(new ReadingMetricsSink(registry)) };

        MqttReadingPublisher? publisher = null;
        if (config.Mqtt.Enabled)
        {
            var ha = new HomeAssistantOptions { DiscoveryPrefix = config.Mqtt.DiscoveryPrefix, StateTopicPrefix = config.Mqtt.TopicPrefix };
            var client = new MqttClient(new MqttClientOptions
            {
                Host = config.Mqtt.Host,
                Port = config.Mqtt.Port,
                Username = NullIfEmpty(config.Mqtt.Username),
                Password = NullIfEmpty(config.Mqtt.Password),
                ClientId = $"energytap-{Environment.MachineName}".ToLowerInvariant(),
                AvailabilityTopic = $"{config.Mqtt.TopicPrefix}/status",
            }, time, log.CreateLogger<MqttClient>());
            publisher = new MqttReadingPublisher(client, ha, log.CreateLogger<MqttReadingPublisher>());
            owned.Add(new BrokerConnection(client, publisher, time, log.CreateLogger<BrokerConnection>()));
            sinks.Add(new MqttSink(publisher));
        }

        var pvsShared = options.PvsSharedCacheDirectory is { } sharedDirectory ? new PvsSharedCache(sharedDirectory) : null;
        var sites = new List<SiteInfo>();
        var serials = new DeviceSerials();
        var pollers = new List<IDevicePoller>();
        var batteries = new List<IBatteryController>();
        foreach (var site in config.Sites)
        {
            var devices = new List<DeviceDescriptor>();
            foreach (var pvs in site.Pvs)
            {
                var device = new DeviceDescriptor(site.Id, pvs.Id, DeviceKind.PvsSupervisor, pvs.Id, "SunPower", "PVS") { Serial = NullIfEmpty(pvs.Serial) };
                var clientOptions = new PvsClientOptions
                {
                    Serial = NullIfEmpty(pvs.Serial),
                    Password = NullIfEmpty(pvs.Password),
                    TimeProvider = time,
                    Logger = log.CreateLogger("EnergyTap.SunPower"),
                    SharedCache = pvsShared,
                };
                var (pvsPollers, connection) = PvsPollers.Create(device, pvs.Address, clientOptions,
                    TimeSpan.FromSeconds(pvs.DeviceListSeconds), TimeSpan.FromSeconds(pvs.LiveSeconds));
                pollers.AddRange(pvsPollers);
                owned.Add(connection);
                devices.Add(device);
            }

            foreach (var agate in site.Agates)
            {
                var device = new DeviceDescriptor(site.Id, agate.Id, DeviceKind.Agate, agate.Id, "FranklinWH", "aGate");
                var adapter = new AgateAdapter(device, new AgateConnectionOptions
                {
                    Host = agate.Host,
                    Port = agate.Port,
                    UnitId = (byte)agate.Unit,
                    Control = new AgateControlOptions { ReserveSocPercent = agate.ReserveSocPercent },
                    Store = options.RevertStorePath is null ? null : new RevertStore(options.RevertStorePath),
                    TimeProvider = time,
                    Logger = log.CreateLogger("EnergyTap.FranklinWH.Agate"),
                }, TimeSpan.FromSeconds(agate.PollSeconds), serials);
                pollers.Add(adapter);
                batteries.Add(adapter);
                owned.Add(adapter);
                devices.Add(device);
            }

            foreach (var cloud in site.Cloud)
            {
                var device = new DeviceDescriptor(site.Id, cloud.Id, DeviceKind.FranklinCloud, cloud.Id, "FranklinWH", "Cloud");
                var email = cloud.Email ?? "";
                var password = cloud.Password ?? "";
                var client = new FranklinCloudClient(new FranklinCloudOptions
                {
                    BaseUri = new Uri(cloud.BaseUrl),
                    Credentials = _ => ValueTask.FromResult(new CloudCredentials(email, password)),
                    TimeProvider = time,
                    LoggerFactory = log,
                });
                owned.Add(new SyncDisposable(client.Dispose));
                pollers.Add(new CloudStatsPoller(device, client, NullIfEmpty(cloud.GatewayId), TimeSpan.FromSeconds(cloud.PollSeconds), time));
                devices.Add(device);
            }

            sites.Add(new SiteInfo(site.Id, site.Name ?? site.Id, devices));
            foreach (var device in devices)
            {
                DescribeToHomeAssistant(device);
            }
        }

        // An aGate reports its serial on its first poll; Home Assistant's device card then shows it.
        serials.Learned += DescribeToHomeAssistant;
        void DescribeToHomeAssistant(DeviceDescriptor device) => publisher?.DescribeDevice(device.Site, device.Id,
            new HomeAssistantDevice($"{sites.First(s => s.Id == device.Site).Name} {device.Name}", device.Manufacturer, device.Model, device.Serial));

        Uri? proxyUrl = null;
        if (config.Proxy.Enabled)
        {
            // The haproxy-bridge replacement, sharing the process (not the cache) with the pollers.
            var proxy = new PvsProxy(new PvsProxyOptions
            {
                Upstream = await ProxyUpstreamAsync(config.Proxy.Upstream!, time, log, cancellationToken),
                Listen = config.Proxy.Listen,
                SharedCache = pvsShared,
                TimeProvider = time,
                Logger = log.CreateLogger("EnergyTap.SunPower.Proxy"),
            });
            await proxy.StartAsync(cancellationToken);
            owned.Add(proxy);
            proxyUrl = proxy.BoundAddress;
        }

        var membership = config.Fleet.Enabled ? await JoinFleetAsync(config, time, log, cancellationToken) : null;
        if (membership is not null)
        {
            owned.Add(membership); // hands the leases back once polling has stopped
            registry.RegisterFleetMetrics(membership);
        }

        var parts = new ServiceParts
        {
            Sites = sites,
            Serials = serials,
            Pollers = pollers,
            Batteries = batteries,
            Journal = new LedgerCommandJournal(store),
            Sinks = sinks,
            History = new StoreHistorySource(store),
            ControlToken = NullIfEmpty(config.Server.ControlToken),
            ProxyUrl = proxyUrl,
            Supervisor = new SupervisorOptions { MaxDuration = TimeSpan.FromMinutes(config.Server.MaxCommandMinutes) },
            Time = time,
            LoggerFactory = log,
            OnPolled = h =>
            {
                pollMetrics.RecordPoll(h.Site, h.Device, h.LastDuration ?? TimeSpan.Zero, h.Up);
                if (h.LastLag is { } lag)
                {
                    pollMetrics.RecordLag(lag);
                }
            },
            Ownership = (ISiteOwnership?)membership ?? SingleInstance.Instance,
            MapEndpoints = app =>
            {
                app.MapPrometheusMetrics(registry);
                if (membership is not null)
                {
                    app.MapFleetStatus(membership, time);
                }
            },
            OwnedResources = [.. Enumerable.Reverse(owned)],
        };
        return (parts, IPEndPoint.Parse(config.Server.Listen));
    }

    /// <summary>Takes this instance's share of the sites before anything polls (the store has already created the lease tables).</summary>
    /// <summary>
    /// A host or host:port upstream is detected like a PVS client would; while nothing answers yet the proxy
    /// starts with plain http (what a bridge serves) rather than keeping the service from starting.
    /// </summary>
    private static async Task<Uri> ProxyUpstreamAsync(string address, TimeProvider time, ILoggerFactory log, CancellationToken cancellationToken)
    {
        try
        {
            return await PvsUpstream.ResolveAsync(address, new PvsClientOptions { TimeProvider = time }, cancellationToken);
        }
        catch (PvsException ex)
        {
            var fallback = PvsEndpoint.Parse(address).DlCgiBase;
            log.CreateLogger("EnergyTap.SunPower.Proxy").LogWarning("Proxy upstream {Address} not detected ({Reason}); forwarding to {Fallback}", address, ex.Message, fallback);
            return fallback;
        }
    }

    private static async Task<FleetMembership> JoinFleetAsync(EnergyTapConfig config, TimeProvider time, ILoggerFactory log, CancellationToken cancellationToken)
    {
        var options = new FleetOptions
        {
            InstanceId = NullIfEmpty(config.Fleet.InstanceId) ?? FleetOptions.DefaultInstanceId(),
            Lease = TimeSpan.FromSeconds(config.Fleet.LeaseSeconds),
        };
        var membership = new FleetMembership(SiteLeases.Open(config.Storage.Postgres!, log), config.Sites.Select(s => s.Id), options, time,
            log.CreateLogger<FleetMembership>());
        try
        {
            await membership.StartAsync(cancellationToken);
            return membership;
        }
        catch
        {
            await membership.DisposeAsync();
            throw;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed class SyncDisposable(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
