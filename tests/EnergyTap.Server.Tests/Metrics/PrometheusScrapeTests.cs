using System.Net;
using EnergyTap.Server.Metrics;
using EnergyTap.Server.Readings;
using EnergyTap.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyTap.Server.Tests.Metrics;

public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Endpoint_serves_the_exposition_with_the_prometheus_content_type()
    {
        var registry = new MetricRegistry();
        new ReadingMetricsSink(registry).Record(new Reading("home", "agate", "battery_soc", 64, "%", DateTimeOffset.UnixEpoch));
        await using var app = await StartKestrelAsync(registry);
        using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(registry.Render(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_the_endpoint_and_answers_queries_with_our_values()
    {
        var registry = RealisticRegistry.Create();
        new ReadingMetricsSink(registry).Record(new Reading("lab", "agate", "battery_power", -2345.5, "W", DateTimeOffset.UnixEpoch));
        await using var app = await StartKestrelAsync(registry);
        var target = new Uri(Address(app)).Authority;

        await using var prometheus = await PrometheusServer.StartAsync(target);

        var lastHealth = (Health: "unknown", LastError: string.Empty);
        await Eventually.UntilAsync(async () =>
        {
            lastHealth = await prometheus.TargetHealthAsync();
            return lastHealth.Health == "up";
        }, $"Prometheus to report the target up (last: {lastHealth})", TimeSpan.FromSeconds(60));

        double? value = null;
        await Eventually.UntilAsync(async () =>
        {
            value = await prometheus.QuerySingleAsync("energytap_battery_power_watts{site=\"lab\",device=\"agate\"}");
            return value is not null;
        }, "the battery power series to be queryable", TimeSpan.FromSeconds(60));

        Assert.Equal(-2345.5, value);
        Assert.Equal(1, await prometheus.QuerySingleAsync("energytap_device_polls_total{device=\"pvs6\"}"));
        Assert.Equal(0, await prometheus.QuerySingleAsync("energytap_reading_up{site=\"home\",device=\"agate\",quantity=\"solar_power\"}"));
        var escaped = await prometheus.QueryAsync("energytap_battery_soc_percent{device=\"pvs6\\\\main\"}");
        Assert.Equal("home \"lake\" house", Assert.Single(escaped).Labels["site"]);
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static async Task<WebApplication> StartKestrelAsync(MetricRegistry registry)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(registry);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPrometheusMetrics();
        await app.StartAsync();
        return app;
    }
}
