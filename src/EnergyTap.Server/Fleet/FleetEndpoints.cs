using EnergyTap.Server.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace EnergyTap.Server.Fleet;

/// <summary>/api/fleet and the fleet metrics: this instance's id, its leases, and who holds the other sites.</summary>
public static class FleetEndpoints
{
    public static IEndpointRouteBuilder MapFleetStatus(this IEndpointRouteBuilder app, FleetMembership membership, TimeProvider time)
    {
        app.MapGet("/api/fleet", () =>
        {
            var status = membership.Status;
            var now = time.GetUtcNow();
            return new
            {
                instance = status.Instance,
                leaseSeconds = status.Lease.TotalSeconds,
                liveInstances = status.LiveInstances,
                lastRenewal = status.LastRenewal,
                lastError = status.LastError,
                ownedSites = membership.OwnedSites,
                sites = status.Leases.Select(l => new
                {
                    site = l.Site,
                    owner = l.ExpiresAt > now ? l.Owner : null,
                    expiresAt = l.Owner is null ? (DateTimeOffset?)null : l.ExpiresAt,
                    mine = membership.Owns(l.Site),
                }),
            };
        });
        return app;
    }

    /// <summary>energytap_fleet_sites_owned{instance}: how many sites this instance polls right now.</summary>
    public static void RegisterFleetMetrics(this MetricRegistry registry, FleetMembership membership)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var owned = registry.GetOrCreateGauge("energytap_fleet_sites_owned", "Sites whose lease this fleet instance holds.", "instance")
            .WithLabels(membership.InstanceId);
        registry.BeforeCollect(() => owned.Set(membership.OwnedSites.Count));
    }
}
