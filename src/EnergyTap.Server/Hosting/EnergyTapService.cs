using System.Net;
using System.Text.Json.Serialization;
using EnergyTap.Server.Api;
using EnergyTap.Server.Control;
using EnergyTap.Server.Dashboard;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Polling;
using EnergyTap.Server.PowerFlows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Hosting;

/// <summary>
/// The running service: polling into the reading hub, the command supervisor, and one Kestrel
/// listener for the API, the live stream, /metrics and the dashboard.
/// </summary>
public sealed class EnergyTapService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReadingHub _hub;
    private readonly ServiceParts _parts;

    private EnergyTapService(WebApplication app, ReadingHub hub, EnergyTapRuntime runtime, ServiceParts parts)
    {
        _app = app;
        _hub = hub;
        _parts = parts;
        Runtime = runtime;
    }

    public EnergyTapRuntime Runtime { get; }

    /// <summary>Where the API and dashboard answer, e.g. http://127.0.0.1:8080/.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where the PVS caching proxy answers, when proxy.enabled.</summary>
    public Uri? ProxyUrl => _parts.ProxyUrl;

    public static async Task<EnergyTapService> StartAsync(ServiceParts parts, IPEndPoint listen, CancellationToken cancellationToken)
    {
        var loggers = parts.LoggerFactory ?? NullLoggerFactory.Instance;
        var latest = new LatestReadings();
        var hub = new ReadingHub([latest, .. parts.Sinks], loggers.CreateLogger<ReadingHub>());
        var scheduler = new PollScheduler(parts.Pollers, hub, parts.Time, loggers.CreateLogger<PollScheduler>(),
            onPolled: parts.OnPolled, ownership: parts.Ownership);
        var supervisor = new CommandSupervisor(parts.Batteries, parts.Journal, parts.Time, parts.Supervisor, loggers.CreateLogger<CommandSupervisor>(), parts.Ownership);
        var priority = parts.Sites.SelectMany(s => s.Devices).Select(d => d.Id).ToList();
        var runtime = new EnergyTapRuntime(parts.Sites, latest, new PowerFlowCalculator(latest, parts.Time, priority),
            scheduler, supervisor, parts.History, parts.Time, parts.ControlToken) { Ownership = parts.Ownership, Serials = parts.Serials };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.WebHost.UseKestrel(k => k.Listen(listen));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        var app = builder.Build();
        // Any 4xx left without a body (an unknown path, a value the framework could not bind) gets a JSON problem.
        app.UseStatusCodePages();
        app.MapEnergyTapApi(runtime);
        app.MapDashboard();
        parts.MapEndpoints?.Invoke(app);

        // Orphaned commands are released before anything else may command the battery.
        await supervisor.StartAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        scheduler.Start();

        var service = new EnergyTapService(app, hub, runtime, parts);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null)
        {
            service.Url = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        }

        return service;
    }

    /// <summary>How long each shutdown step may take before it is abandoned (systemd gives the whole stop 30 s).</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Every step is bounded in real time and a step that overruns is logged and skipped, so one stuck
    /// part (a hung device, a store busy with maintenance) never keeps commands unreleased or the process alive.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var log = (_parts.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EnergyTapService>();
        await StepAsync(log, "stopping polling", () => Runtime.Scheduler.DisposeAsync().AsTask());
        await StepAsync(log, "stopping the web server", () => _app.StopAsync());
        await StepAsync(log, "releasing battery commands", () => Runtime.Supervisor.ReleaseAllAsync("released because the service stopped", CancellationToken.None));
        await StepAsync(log, "stopping the command supervisor", () => Runtime.Supervisor.DisposeAsync().AsTask());
        await StepAsync(log, "draining readings to the sinks", () => _hub.DisposeAsync().AsTask()); // queued readings into the store before it closes
        await StepAsync(log, "disposing the web server", () => _app.DisposeAsync().AsTask());
        foreach (var resource in _parts.OwnedResources)
        {
            await StepAsync(log, $"closing {resource.GetType().Name}", () => resource.DisposeAsync().AsTask());
        }
    }

    private static async Task StepAsync(ILogger log, string step, Func<Task> run)
    {
        try
        {
            // Real time on purpose: a shutdown bound must hold whatever clock the service runs on.
            await Task.Run(run).WaitAsync(StepTimeout);
        }
        catch (TimeoutException)
        {
            log.LogError("Shutdown: {Step} did not finish within {Seconds} s; carrying on without it", step, StepTimeout.TotalSeconds);
        }
#pragma warning disable CA1031 // A failed step must not keep the later ones (command release, history flush) from running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogError("Shutdown: {Step} failed: {Reason}", step, ex.Message);
        }
    }
}
