using System.Text.Json;
using System.Threading.Channels;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Readings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EnergyTap.Server.Api;

/// <summary>
/// Server-sent events for the dashboard: the power flow of every site and the control state, pushed
/// when readings or commands change (and at least every few seconds so countdowns stay honest).
/// </summary>
internal static class LiveStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(HttpContext http, EnergyTapRuntime runtime, CancellationToken cancellationToken)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";

        // Only "something changed" matters; bursts collapse into one update.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnReadings(IReadOnlyList<Reading> _) => changed.Writer.TryWrite(true);
        void OnControl() => changed.Writer.TryWrite(true);
        runtime.Latest.Updated += OnReadings;
        runtime.Supervisor.Changed += OnControl;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var update = new LiveUpdate(
                    runtime.Time.GetUtcNow(),
                    [.. runtime.Sites.Select(s => runtime.Flows.For(s.Id))],
                    runtime.Latest.Snapshot(),
                    EnergyTapApi.ActiveView(runtime),
                    EnergyTapApi.OthersView(runtime.Supervisor),
                    runtime.Scheduler.Health);
                await http.Response.WriteAsync($"event: update\ndata: {JsonSerializer.Serialize(update, json)}\n\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(Heartbeat);
                try
                {
                    await changed.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // heartbeat: send the state again
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            runtime.Latest.Updated -= OnReadings;
            runtime.Supervisor.Changed -= OnControl;
        }
    }
}
