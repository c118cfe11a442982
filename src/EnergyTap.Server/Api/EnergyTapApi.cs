using EnergyTap.Server.Control;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyTap.Server.Api;

/// <summary>The REST API: sites, devices, latest readings, power flow, history, health and control.</summary>
public static class EnergyTapApi
{
    public static IEndpointRouteBuilder MapEnergyTapApi(this IEndpointRouteBuilder app, EnergyTapRuntime runtime)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/sites", () => (IReadOnlyList<SiteInfo>)[.. runtime.DescribedSites]);

        api.MapGet("/sites/{site}/flow", (string site) =>
            runtime.Sites.Any(s => s.Id == site) ? Results.Ok(runtime.Flows.For(site)) : NotFound($"no site {site}"));

        api.MapGet("/readings", (string? site, string? device) => runtime.Latest.Snapshot(site, device));

        api.MapGet("/health", () =>
        {
            var pollers = runtime.Scheduler.Health;
            // Devices of sites another fleet instance polls are listed but neither up nor down here.
            var mine = pollers.Where(p => p.Owned).ToList();
            var status = mine.Count == 0 && pollers.Count > 0 ? "standby"
                : mine.All(p => p.Up) ? "ok" : mine.Any(p => p.Up) ? "degraded" : "down";
            var ownership = runtime.Ownership;
            var fleet = ownership.InstanceId is null ? null
                : new FleetView(ownership.InstanceId, [.. runtime.Sites.Select(s => s.Id).Where(ownership.Owns)]);
            return new HealthReport(status, runtime.Time.GetUtcNow(), fleet, pollers);
        });

        api.MapGet("/history", async (string? site, string? device, string? quantity, string? from, string? to, string? resolution, CancellationToken ct) =>
        {
            if (runtime.History is null)
            {
                return Results.Problem("history is not being stored", statusCode: StatusCodes.Status404NotFound);
            }

            if (site is null || quantity is null)
            {
                return BadRequest("site and quantity are required, e.g. /api/history?site=home&quantity=solar_power&from=-1h");
            }

            var now = runtime.Time.GetUtcNow();
            var end = now;
            if (to is not null && !HistoryText.TryParseTime(to, now, out end))
            {
                return BadRequest($"to '{to}' is not a time: {HistoryText.TimeHint}");
            }

            var start = end.AddHours(-24);
            if (from is not null && !HistoryText.TryParseTime(from, now, out start))
            {
                return BadRequest($"from '{from}' is not a time: {HistoryText.TimeHint}");
            }

            var chosen = HistoryResolution.Auto;
            if (resolution is not null && !HistoryText.TryParseResolution(resolution, out chosen))
            {
                return BadRequest($"resolution '{resolution}' is not one of {string.Join(", ", HistoryText.ResolutionNames)}");
            }

            return start >= end
                ? BadRequest($"from ({start:u}) must be before to ({end:u})")
                : Results.Ok(await runtime.History.QueryAsync(site, device, quantity, start, end, chosen, ct));
        });

        api.MapGet("/control", () => new ControlState(
            !string.IsNullOrEmpty(runtime.ControlToken),
            [.. runtime.Supervisor.Batteries],
            runtime.Supervisor.MaxDuration.TotalSeconds,
            ActiveView(runtime))
        {
            Others = OthersView(runtime.Supervisor),
        });

        api.MapPost("/control/{site}/{device}", async (string site, string device, HttpRequest http, CancellationToken ct) =>
        {
            if (ControlAuthorization.Check(http, runtime.ControlToken) is { } denied)
            {
                return denied;
            }

            var (body, problem) = await ControlRequest.ReadAsync(http.Body, ct);
            if (body is null)
            {
                return BadRequest(problem!);
            }

            try
            {
                var request = new BatteryCommandRequest(site, device, body.Kind, body.Watts, TimeSpan.FromSeconds(body.DurationSeconds));
                var command = await runtime.Supervisor.IssueAsync(request, Actor(http), ct);
                return Results.Ok(RemoteCommand.From(command, runtime.Time.GetUtcNow()));
            }
            catch (ControlRefusedException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
            catch (ControlFailedException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway);
            }
        });

        api.MapDelete("/control/{site}/{device}", async (string site, string device, HttpRequest http, CancellationToken ct) =>
        {
            if (ControlAuthorization.Check(http, runtime.ControlToken) is { } denied)
            {
                return denied;
            }

            try
            {
                var hadCommand = await runtime.Supervisor.ReleaseAsync(site, device, Actor(http), ct);
                return Results.Ok(new RemoteRelease(true, hadCommand));
            }
            catch (ControlRefusedException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
        });

        api.MapGet("/stream", (HttpContext http, CancellationToken ct) => LiveStream.RunAsync(http, runtime, ct));

        return app;
    }

    internal static IReadOnlyList<RemoteCommand> ActiveView(EnergyTapRuntime runtime)
    {
        var now = runtime.Time.GetUtcNow();
        return [.. runtime.Supervisor.Active.Select(c => RemoteCommand.From(c, now))];
    }

    /// <summary>Commands the registers show that this server does not hold, with the power read from the registers.</summary>
    internal static IReadOnlyList<ForeignCommand> OthersView(CommandSupervisor supervisor) => [.. supervisor.Foreign.Select(f => new ForeignCommand(
        f.Site, f.Device, f.Observed.Kind, f.Observed.Watts is { } w ? Math.Abs(w) : null, f.Observed.Watts,
        f.Observed.HeldBy ?? ObservedControl.AnotherClient, f.Observed.Deadline, f.Observed.At))];

    private static string Actor(HttpRequest http) => $"api:{http.HttpContext.Connection.RemoteIpAddress}";

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
