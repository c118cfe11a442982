using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower.Proxy;

/// <summary>
/// Turns the address a user gives for the proxy's upstream into the one URL it forwards to. A URL is taken as
/// is; a host or host:port is detected like a client would (https then http, whichever generation answers),
/// so a bridge serving only plain http on one port works as well as a PVS on its real ports.
/// </summary>
public static class PvsUpstream
{
    public static async Task<Uri> ResolveAsync(string address, PvsClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var endpoint = PvsEndpoint.Parse(address);
        if (endpoint.DlCgiBase == endpoint.VarserverBase)
        {
            return endpoint.DlCgiBase;
        }

        using var transport = new PvsTransport(endpoint, options ?? new PvsClientOptions());
        var detection = await PvsGenerationDetector.DetectAsync(transport, cancellationToken);
        return detection.Generation == PvsGeneration.Varserver ? detection.Endpoint.VarserverBase : detection.Endpoint.DlCgiBase;
    }
}
