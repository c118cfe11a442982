using System.Collections.Frozen;
using System.Net;
using EnergyTap.Scenarios.Infrastructure;
using EnergyTap.Simulators.Pvs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyTap.Scenarios.Fleet;

/// <summary>
/// Many simulated PVS at the cost of a few. A thousand PvsSimulators would be a thousand Kestrel hosts, so one
/// Kestrel listens on one loopback port per simulated PVS and hands each port's requests to one of a small pool of
/// real PvsSimulators (legacy firmware, 24 panels). Requests for the same backend are serialised, like a real PVS
/// that answers one request at a time, so a backend never refuses a DeviceList as "busy".
/// </summary>
internal sealed class PvsFleet : IAsyncDisposable
{
    private readonly List<PvsSimulator> _backends = [];
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private WebApplication? _front;
    private FrozenDictionary<int, Backend> _byPort = FrozenDictionary<int, Backend>.Empty;

    public IReadOnlyList<Uri> Urls { get; private set; } = [];

    /// <summary>DeviceList requests the backends answered (refused or not).</summary>
    public long DeviceLists => _backends.Sum(b => b.Requests.DeviceLists);

    public static async Task<PvsFleet> StartAsync(int count, int backends, CancellationToken ct)
    {
        var fleet = new PvsFleet();
        var pool = new List<Backend>();
        for (var i = 0; i < Math.Min(count, backends); i++)
        {
            var simulator = new PvsSimulator(new PvsSimulatorOptions
            {
                Port = 0,
                Seed = i + 1,
                Firmware = PvsFirmware.Legacy,
                SiteUtcOffset = SimulatedMidday.SiteUtcOffset(),
                TelemetryPort = null,
                // Each backend stands in for many PVS, so its own "hammered" limits do not apply.
                Politeness = PvsPolitenessOptions.Disabled,
            });
            fleet._backends.Add(simulator);
            pool.Add(new Backend(await simulator.StartAsync(ct)));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            for (var i = 0; i < count; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });
        builder.Services.AddOptions();
        var app = builder.Build();
        app.Run(fleet.ForwardAsync);
        await app.StartAsync(ct);
        fleet._front = app;

        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a + "/")).ToList();
        fleet._byPort = urls.Select((u, i) => (u.Port, pool[i % pool.Count])).ToFrozenDictionary(p => p.Port, p => p.Item2);
        fleet.Urls = urls;
        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        if (_front is not null)
        {
            await _front.StopAsync();
            await _front.DisposeAsync();
        }

        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var backend = _byPort[context.Connection.LocalPort];
        var ct = context.RequestAborted;
        await backend.Gate.WaitAsync(ct);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
                new Uri(backend.BaseUrl, context.Request.Path.Value?.TrimStart('/') + context.Request.QueryString));
            foreach (var header in new[] { "Cookie", "Authorization" })
            {
                if (context.Request.Headers.TryGetValue(header, out var value))
                {
                    request.Headers.TryAddWithoutValidation(header, value.ToString());
                }
            }

            if (context.Request.ContentLength > 0)
            {
                request.Content = new StreamContent(context.Request.Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } type)
            {
                context.Response.ContentType = type.ToString();
            }

            await response.Content.CopyToAsync(context.Response.Body, ct);
        }
        finally
        {
            backend.Gate.Release();
        }
    }

    private sealed record Backend(Uri BaseUrl)
    {
        public SemaphoreSlim Gate { get; } = new(1);
    }
}
