using EnergyTap.Server.Configuration;
using EnergyTap.Server.Hosting;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>Runs the service from a configuration until Ctrl-C, then stops it cleanly (flushes history, releases commands).</summary>
internal static class ServiceRunner
{
    public static async Task<int> RunAsync(EnergyTapConfig config, ComposeOptions options, Action<EnergyTapService> started, CancellationToken stop)
    {
        var (parts, listen) = await ServiceComposer.ComposeAsync(config, options, stop);
        EnergyTapService service;
        try
        {
            service = await EnergyTapService.StartAsync(parts, listen, stop);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var resource in parts.OwnedResources)
            {
                await resource.DisposeAsync();
            }

            throw new UsageException($"cannot listen on {listen}: the port is in use (choose another with --port or server.listen)");
        }

        await using (service)
        {
            started(service);
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("stopping…");
            }
        }

        return 0;
    }
}
