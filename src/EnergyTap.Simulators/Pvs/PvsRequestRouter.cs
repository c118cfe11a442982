using EnergyTap.Simulators.Pvs.Legacy;
using EnergyTap.Simulators.Pvs.Varserver;
using Microsoft.AspNetCore.Http;

namespace EnergyTap.Simulators.Pvs;

/// <summary>
/// Front door of the simulated PVS: counts every request, holds it unanswered while the PVS hangs, answers 503
/// while the PVS is "down" (or when this request is the one that overloads it), then hands the request to dl_cgi
/// or the varserver services.
/// </summary>
internal sealed class PvsRequestRouter(PvsHealth health, PvsRequestCounters counters, DlCgiApi dlCgi, VarserverApi? varserver, TimeProvider time, bool localApiForbidden)
{
    private volatile bool _hanging;

    /// <summary>While true, requests are accepted and never answered (until the client gives up).</summary>
    public bool Hanging
    {
        get => _hanging;
        set => _hanging = value;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var command = request.Query["Command"].ToString();
        counters.Increment(CounterKey(path, command, request));
        if (path == "/vars")
        {
            counters.Increment(VarsKind(request));
        }

        using var inFlight = counters.Enter();
        if (_hanging)
        {
            await NeverAnswerAsync(context.RequestAborted);
            return;
        }

        var now = time.GetUtcNow();
        if (health.IsDown(now) || health.RegisterRequest(now))
        {
            await PvsResponses.NoServerAvailableAsync(context);
            return;
        }

        if (path.TrimEnd('/') == DlCgiApi.Root)
        {
            await dlCgi.CommandAsync(context, command);
        }
        else if (path.StartsWith(DlCgiApi.Root + "/", StringComparison.Ordinal))
        {
            await dlCgi.RestAsync(context, path[(DlCgiApi.Root.Length + 1)..].TrimEnd('/'));
        }
        else if (localApiForbidden && path is "/vars" or "/auth")
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden");
        }
        else if (varserver is not null && path == "/auth")
        {
            await varserver.AuthAsync(context);
        }
        else if (varserver is not null && path == "/vars")
        {
            await varserver.VarsAsync(context);
        }
        else
        {
            await PvsResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
        }
    }

    private static async Task NeverAnswerAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: that is the only way a hung request ends.
        }
    }

    /// <summary>"/vars?set", "/vars?match", "/vars?name" or "/vars?cache" (what a GET asked for), "/vars?post" for POSTs.</summary>
    private static string VarsKind(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method))
        {
            return PvsRequestCounters.Vars + "?post";
        }

        var kind = new[] { "set", "match", "name", "cache" }.FirstOrDefault(request.Query.ContainsKey) ?? "other";
        return PvsRequestCounters.Vars + "?" + kind;
    }

    private static string CounterKey(string path, string command, HttpRequest request)
    {
        if (path.TrimEnd('/') == DlCgiApi.Root)
        {
            return "Command=" + command;
        }

        if (path == "/auth")
        {
            return request.Query.ContainsKey("logout") ? PvsRequestCounters.Logout : PvsRequestCounters.Login;
        }

        return path.TrimEnd('/');
    }
}
