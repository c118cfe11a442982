using System.Net;
using System.Net.Sockets;

namespace EnergyTap.Cli.Tests;

/// <summary>A loopback port free right now, for configurations that must name one before the program starts.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
