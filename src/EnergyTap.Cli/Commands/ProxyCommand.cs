using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Proxy;

namespace EnergyTap.Cli.Commands;

internal static class ProxyCommand
{
    public static Command Create()
    {
        var upstream = new Option<string>("--upstream")
        {
            Description = "The PVS to forward to: a URL (http://172.27.153.1, the installer port LAN1), or a host or host:port, "
                + "for which the generation is detected (https, then plain http as a bridge serves it).",
            Required = true,
        };
        var listen = new Option<string>("--listen")
        {
            Description = "Address:port to serve on. Default 127.0.0.1:8080 (this machine only). On a Raspberry Pi bridge use "
                + "0.0.0.0:80 so the home network reaches it, as the haproxy frontend did.",
            DefaultValueFactory = _ => "127.0.0.1:8080",
        };
        var noGzip = new Option<bool>("--no-gzip") { Description = "Do not gzip JSON/text answers (on by default, like the haproxy bridge)." };
        var command = new Command("proxy",
            "A polite caching proxy for a PVS, replacing the haproxy bridge: forwards everything one request at a time, answers "
            + "DeviceList, dl_cgi/devices/list and LocalAPI /vars reads from a cache shared by all clients (one upstream call per "
            + "refresh window), serves the last good answer while the PVS answers 503, and shows stats at /energytap/stats "
            + "(JSON: /energytap/stats.json). Runs until Ctrl-C.")
        {
            upstream,
            listen,
            noGzip,
        };
        command.SetAction(async (parse, ct) =>
        {
            Uri upstreamUri;
            try
            {
                upstreamUri = await PvsUpstream.ResolveAsync(parse.GetValue(upstream)!, cancellationToken: ct);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"--upstream: {ex.Message}, e.g. http://172.27.153.1");
            }

            PvsProxy proxy;
            try
            {
                PvsProxy.ParseListen(parse.GetValue(listen)!);
            }
            catch (ArgumentException ex)
            {
                // The library says what is wrong with the address; the flag it came from is ours to name.
                throw UsageException.From(ex, "--listen");
            }

            try
            {
                proxy = new PvsProxy(new PvsProxyOptions
                {
                    Upstream = upstreamUri,
                    Listen = parse.GetValue(listen)!,
                    Gzip = !parse.GetValue(noGzip),
                    SharedCache = new PvsSharedCache(StateDirectory.Pvs),
                });
            }
            catch (ArgumentException ex)
            {
                throw UsageException.From(ex);
            }

            await using (proxy)
            {
                await proxy.StartAsync(ct);
                Console.Out.WriteLine($"energytap proxy: {proxy.BoundAddress} -> {upstreamUri} (stats: {new Uri(proxy.BoundAddress!, "energytap/stats")}); Ctrl-C stops");
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl-C: stop serving.
                }
            }

            return 0;
        });
        return command;
    }
}
