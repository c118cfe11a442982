using System.Net;
using EnergyTap.SunPower.Legacy;
using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower;

/// <summary>
/// Finds out which API a PVS speaks from the unauthenticated dl_cgi/supervisor/info (its build number), and
/// when that says nothing, by asking /vars without a session: a LocalAPI PVS answers 401/403 (or data), an
/// old one 404.
/// </summary>
public static class PvsGenerationDetector
{
    public static async Task<(PvsGeneration Generation, PvsSupervisorInfo? Info)> DetectAsync(PvsTransport transport, CancellationToken cancellationToken)
    {
        PvsSupervisorInfo? info = null;
        try
        {
            info = await new DlCgiClient(transport).SupervisorInfoAsync(cancellationToken);
            if (info.Generation is { } generation)
            {
                return (generation, info);
            }
        }
        catch (Exception ex) when (ex is PvsProtocolException or PvsCommandNotSupportedException or PvsAuthenticationException)
        {
            // Older or unusual firmware; probe below.
        }

        var probe = await transport.GetAsync(new Uri(transport.Endpoint.VarserverBase, "vars?name=/sys/info/serialnum"),
            transport.Options.Politeness.RequestTimeout, "LocalAPI probe", cancellationToken);
        var varserver = probe.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || probe.IsSuccess;
        return (varserver ? PvsGeneration.Varserver : PvsGeneration.Legacy, info);
    }
}
