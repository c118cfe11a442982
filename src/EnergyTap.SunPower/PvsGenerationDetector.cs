using System.Net;
using EnergyTap.SunPower.Model;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Varserver;

namespace EnergyTap.SunPower;

/// <summary>
/// Finds out which API a PVS speaks from what actually answers, never from one status code (old firmware
/// answers 403 too, and a bridge often serves only plain http on one port):
/// <list type="number">
/// <item>the unauthenticated dl_cgi/supervisor/info names the build, when the firmware has it (for a LocalAPI
/// build given as host or host:port, the anonymous read below still finds whether it answers over https or http);</item>
/// <item>otherwise the LocalAPI's anonymous read of /sys/info/serialnum, tried over https and then over http on
/// the same port: an answer with the serial is the LocalAPI (and gives the serial the password derives from);</item>
/// <item>a 401/403 there is the LocalAPI only if dl_cgi does not answer a command;</item>
/// <item>anything else that answered over http is legacy dl_cgi.</item>
/// </list>
/// Probes that cannot connect start no backoff; detection fails only when nothing answers at all.
/// </summary>
public static class PvsGenerationDetector
{
    private const string SerialVariable = "/sys/info/serialnum";

    public static async Task<PvsDetection> DetectAsync(PvsTransport transport, CancellationToken cancellationToken)
    {
        var endpoint = transport.Endpoint;
        var answered = false;
        var failures = new List<string>();

        var infoProbe = await SupervisorInfoAsync(transport, endpoint, failures, cancellationToken);
        var info = infoProbe?.Info;
        answered |= infoProbe is not null;
        var candidates = new[] { endpoint.VarserverBase, endpoint.DlCgiBase }.Distinct().ToList();
        if (info is { Generation: { } known } && (known == PvsGeneration.Legacy || candidates.Count == 1))
        {
            return new PvsDetection(known, endpoint, info, info.Serial);
        }

        // The LocalAPI by its build, or unknown: find where (and whether) the LocalAPI answers.
        Uri? refusedAt = null;
        Uri? answeredAt = null;
        foreach (var candidate in candidates)
        {
            var probe = await ProbeAnonymousSerialAsync(transport, candidate, failures, cancellationToken);
            if (probe.Serial is { } serial)
            {
                return new PvsDetection(PvsGeneration.Varserver, endpoint with { VarserverBase = candidate }, info, serial);
            }

            answered |= probe.Answered;
            answeredAt ??= probe.Answered ? candidate : null;
            refusedAt ??= probe.Refused ? candidate : null;
        }

        if (info?.Generation == PvsGeneration.Varserver)
        {
            return new PvsDetection(PvsGeneration.Varserver, endpoint with { VarserverBase = refusedAt ?? answeredAt ?? endpoint.VarserverBase }, info, info.Serial);
        }

        if (refusedAt is not null)
        {
            // Old firmware answers 403 on the LocalAPI paths too: it is the new generation only if dl_cgi stays silent.
            var legacy = await DlCgiAnswersAsync(transport, endpoint, failures, cancellationToken);
            return legacy
                ? new PvsDetection(PvsGeneration.Legacy, endpoint, info, info?.Serial)
                : new PvsDetection(PvsGeneration.Varserver, endpoint with { VarserverBase = refusedAt }, info, info?.Serial);
        }

        if (answered)
        {
            return new PvsDetection(PvsGeneration.Legacy, endpoint, info, info?.Serial);
        }

        throw new PvsUnavailableException("cannot reach the PVS: " + string.Join("; ", failures.Distinct()));
    }

    private sealed record InfoProbe(PvsSupervisorInfo? Info);

    /// <summary>supervisor/info; null when nothing answered, Info null when something answered without it.</summary>
    private static async Task<InfoProbe?> SupervisorInfoAsync(PvsTransport transport, PvsEndpoint endpoint, List<string> failures, CancellationToken cancellationToken)
    {
        var response = await ProbeAsync(transport, new Uri(endpoint.DlCgiBase, "cgi-bin/dl_cgi/supervisor/info"), "dl_cgi/supervisor/info", failures, cancellationToken);
        if (response is null)
        {
            return null;
        }

        if (!response.IsSuccess)
        {
            return new InfoProbe(null);
        }

        try
        {
            using var document = PvsJson.Parse(response.Body, "supervisor/info");
            return new InfoProbe(SupervisorInfoParser.Parse(document.RootElement, "supervisor/info"));
        }
        catch (PvsException)
        {
            return new InfoProbe(null); // something answered, but not supervisor/info
        }
    }

    private sealed record SerialProbe(bool Answered, bool Refused, string? Serial);

    private static async Task<SerialProbe> ProbeAnonymousSerialAsync(PvsTransport transport, Uri varserverBase, List<string> failures, CancellationToken cancellationToken)
    {
        var response = await ProbeAsync(transport, new Uri(varserverBase, "vars?name=" + SerialVariable), "LocalAPI probe", failures, cancellationToken);
        if (response is null)
        {
            return new SerialProbe(false, false, null);
        }

        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new SerialProbe(true, true, null);
        }

        if (!response.IsSuccess)
        {
            return new SerialProbe(true, false, null);
        }

        try
        {
            var values = VarsParser.Parse(response.Body, "LocalAPI probe");
            return new SerialProbe(true, false, values.GetValueOrDefault(SerialVariable) is { Length: >= 5 } serial ? serial : null);
        }
        catch (PvsException)
        {
            return new SerialProbe(true, false, null); // a web server that is not the LocalAPI
        }
    }

    /// <summary>
    /// A cheap, read-only dl_cgi command (not DeviceList, which is slow and heavy). LocalAPI firmware refuses the
    /// commands with 403; old firmware answers them.
    /// </summary>
    private static async Task<bool> DlCgiAnswersAsync(PvsTransport transport, PvsEndpoint endpoint, List<string> failures, CancellationToken cancellationToken)
    {
        var response = await ProbeAsync(transport, new Uri(endpoint.DlCgiBase, "cgi-bin/dl_cgi?Command=GridProfileGet"), "Command=GridProfileGet", failures, cancellationToken);
        if (response is not { IsSuccess: true })
        {
            return false;
        }

        try
        {
            using var document = PvsJson.Parse(response.Body, "Command=GridProfileGet");
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (PvsException)
        {
            return false;
        }
    }

    /// <summary>One probe: the answer, or null (with the reason noted) when nothing answered there.</summary>
    private static async Task<PvsResponse?> ProbeAsync(PvsTransport transport, Uri uri, string what, List<string> failures, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.SendAsync(new PvsRequest(HttpMethod.Get, uri, transport.Options.Politeness.RequestTimeout, what) { Probe = true }, cancellationToken);
        }
        catch (PvsUnavailableException ex) when (ex.RetryAfter is null)
        {
            failures.Add(ex.Message);
            return null;
        }
        catch (PvsTimeoutException ex)
        {
            failures.Add(ex.Message);
            return null;
        }
    }
}
