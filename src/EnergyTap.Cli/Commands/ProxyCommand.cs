using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower.Proxy;

namespace EnergyTap.Cli.Commands;

internal static class ProxyCommand
{
    public static Command Create()
    {
        var upstream = new Option<string>("--upstream")
        {
            Description = "The PVS to forward to, e.g. http://172.27.153.1 (the installer port LAN1).",
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
            if (!Uri.TryCreate(parse.GetValue(upstream), UriKind.Absolute, out var upstreamUri) || upstreamUri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--upstream '{parse.GetValue(upstream)}' must be an http(s) URL, e.g. http://172.27.153.1");
            }

            PvsProxy proxy;
            try
            {
                PvsProxy.ParseListen(parse.GetValue(listen)!);
                proxy = new PvsProxy(new PvsProxyOptions { Upstream = upstreamUri, Listen = parse.GetValue(listen)!, Gzip = !parse.GetValue(noGzip) });
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
