using System.Net;
using System.Net.Sockets;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Proxy;

namespace EnergyTap.Cli.Commands.Pvs;

/// <summary>
/// Finds a running EnergyTap proxy for the PVS a command names: the configuration's proxy section has this PVS as
/// its upstream and something answers at its listen address. Reading through it costs the PVS nothing the proxy's
/// cache can answer. Anything unusable (no file, a broken file, nothing listening) means: read the PVS directly.
/// </summary>
internal static class PvsServiceRoute
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public static async Task<Uri?> FindProxyAsync(string host, CancellationToken cancellationToken)
    {
        if (!File.Exists(ConfigFile.DefaultPath))
        {
            return null;
        }

        Server.Configuration.ProxyConfig proxy;
        try
        {
            proxy = ConfigFile.Read(null).Config.Proxy;
        }
        catch (UsageException)
        {
            return null; // `config check` reports a broken file; reading a PVS does not need it
        }

        if (!proxy.Enabled || proxy.Upstream is null || !SamePvs(proxy.Upstream, host))
        {
            return null;
        }

        IPEndPoint listen;
        try
        {
            var (address, port) = PvsProxy.ParseListen(proxy.Listen);
            listen = new IPEndPoint(address.Equals(IPAddress.Any) ? IPAddress.Loopback : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : address, port);
        }
        catch (ArgumentException)
        {
            return null;
        }

        using var probe = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe.ConnectAsync(listen, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"energytap: note: the configuration has an EnergyTap proxy for this PVS at {listen}, but it does not answer; reading the PVS directly");
            return null;
        }

        return new UriBuilder(Uri.UriSchemeHttp, listen.Address.ToString(), listen.Port, "/").Uri;
    }

    /// <summary>The same PVS whether written as a host, host:port or URL.</summary>
    private static bool SamePvs(string a, string b)
    {
        try
        {
            var left = PvsEndpoint.Parse(a);
            var right = PvsEndpoint.Parse(b);
            return left.DlCgiBase == right.DlCgiBase || left.VarserverBase == right.VarserverBase;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
