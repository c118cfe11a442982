using EnergyTap.Server.Configuration;
using EnergyTap.Server.Control;
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

        IReadOnlyList<ActiveCommand> held = [];
        await using (service)
        {
            started(service);
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                held = service.Runtime.Supervisor.Active;
                Console.Error.WriteLine(held.Count == 0 ? "stopping…" : $"stopping… releasing {Describe(held)} first");
            }
        }

        // Said after the fact: the user pressed Ctrl-C to know the battery is no longer commanded.
        var stillHeld = held.Where(c => service.Runtime.Supervisor.Active.Any(a => a.Id == c.Id)).ToList();
        Console.Error.WriteLine(held.Count == 0 ? "stopped."
            : stillHeld.Count == 0 ? $"stopped: released {Describe(held)}; history is saved."
            : $"stopped, but could not release {Describe(stillHeld)}: its revert deadline on the device still applies.");
        return 0;
    }

    private static string Describe(IReadOnlyList<ActiveCommand> commands) =>
        string.Join(", ", commands.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} {c.Watts:0} W on {c.Site}/{c.Device}"));
}
