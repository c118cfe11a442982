using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace EnergyTap.Server.Tests.Infrastructure;

/// <summary>
/// A real Prometheus server (Debian package 'prometheus') on a free loopback port, scraping one target
/// every second, with its storage in a temporary directory.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly TempDirectory _directory;
    private readonly HttpClient _http;

    private PrometheusServer(PeerProcess process, TempDirectory directory, int port)
    {
        _process = process;
        _directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts Prometheus scraping <c>http://{target}{metricsPath}</c> and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, string metricsPath = "/metrics")
    {
        var directory = new TempDirectory();
        var config = directory.File("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: energytap
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ['{target}']
            """);
        var port = FreePort.Next();
        var process = PeerProcess.Start("prometheus", "prometheus",
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={directory.File("data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, port);
        try
        {
            await Eventually.UntilAsync(server.IsReadyAsync, "Prometheus to become ready", TimeSpan.FromSeconds(30));
        }
        catch
        {
            var output = string.Join('\n', process.Lines.TakeLast(20));
            await server.DisposeAsync();
            throw new InvalidOperationException("Prometheus did not start:\n" + output);
        }

        return server;
    }

    /// <summary>The health of the scrape target as Prometheus sees it ("up", "down", "unknown"), plus its last error.</summary>
    public async Task<(string Health, string LastError)> TargetHealthAsync()
    {
        using var document = await GetJsonAsync("api/v1/targets?state=active");
        var targets = document.RootElement.GetProperty("data").GetProperty("activeTargets");
        if (targets.GetArrayLength() == 0)
        {
            return ("unknown", string.Empty);
        }

        var target = targets[0];
        return (target.GetProperty("health").GetString() ?? "unknown", target.GetProperty("lastError").GetString() ?? string.Empty);
    }

    /// <summary>Runs an instant query and returns (labels, value) per result series.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, string Value)>> QueryAsync(string promql)
    {
        using var document = await GetJsonAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        var results = new List<(IReadOnlyDictionary<string, string>, string)>();
        foreach (var result in document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = result.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
            results.Add((labels, result.GetProperty("value")[1].GetString() ?? string.Empty));
        }

        return results;
    }

    /// <summary>The value of a query returning one series, as a double, or null when it returns nothing.</summary>
    public async Task<double?> QuerySingleAsync(string promql)
    {
        var results = await QueryAsync(promql);
        return results.Count == 0 ? null : double.Parse(results[0].Value, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException("prometheus exited early");
        }

        try
        {
            using var response = await _http.GetAsync(new Uri("-/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private async Task<JsonDocument> GetJsonAsync(string relative)
    {
        using var response = await _http.GetAsync(new Uri(relative, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonDocument>() ?? throw new InvalidOperationException("empty Prometheus answer");
    }
}
