using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyTap.Server.Metrics;

/// <summary>Maps the Prometheus scrape endpoint in ASP.NET Core.</summary>
public static class PrometheusEndpoint
{
    /// <summary>
    /// Serves the <see cref="MetricRegistry"/> registered in dependency injection at <paramref name="path"/>
    /// as <c>text/plain; version=0.0.4; charset=utf-8</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(path, context => WriteAsync(context, context.RequestServices.GetRequiredService<MetricRegistry>()));
    }

    /// <summary>Serves <paramref name="registry"/> at <paramref name="path"/>.</summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, MetricRegistry registry, string path = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);
        return endpoints.MapGet(path, context => WriteAsync(context, registry));
    }

    private static async Task WriteAsync(HttpContext context, MetricRegistry registry)
    {
        context.Response.ContentType = MetricRegistry.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await registry.WriteToAsync(context.Response.Body, context.RequestAborted);
    }
}
