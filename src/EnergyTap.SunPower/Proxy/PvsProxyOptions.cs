using EnergyTap.SunPower.Politeness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.SunPower.Proxy;

/// <summary>Settings of the polite caching proxy that replaces the haproxy bridge in front of a PVS.</summary>
public sealed record PvsProxyOptions
{
    /// <summary>The PVS (or bridge) to forward to, e.g. http://172.27.153.1.</summary>
    public required Uri Upstream { get; init; }

    /// <summary>Where to listen ("127.0.0.1:8080", "0.0.0.0:80", "[::1]:0"). Port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:8080";

    /// <summary>The stats page (HTML; add ".json" for JSON). Chosen so it cannot clash with PVS paths.</summary>
    public string StatsPath { get; init; } = "/energytap/stats";

    /// <summary>Compress JSON and text answers with gzip for clients that accept it (as the haproxy bridge did).</summary>
    public bool Gzip { get; init; } = true;

    /// <summary>
    /// While the PVS fails (503, timeouts, backoff), a cached answer up to this old is served (marked with
    /// X-EnergyTap-Cache: stale) instead of an error.
    /// </summary>
    public TimeSpan ServeStaleFor { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Politeness toward the PVS. The proxy defaults to a shorter pause between forwarded requests than the
    /// client, since browsing the PVS console loads many small files; cached reads are governed by the windows.
    /// </summary>
    public PolitenessOptions Politeness { get; init; } = new() { MinInterval = TimeSpan.FromMilliseconds(200) };

    /// <summary>
    /// The LocalAPI password the proxy logs in with, when the PVS does not tell its serial (whose last 5 characters
    /// it is) and no client has logged in yet. Usually not needed.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>
    /// Shares the one-request-at-a-time door and the backoff with other EnergyTap processes reading this PVS directly
    /// (see <see cref="PvsSharedCache"/>). Null: the proxy is polite on its own only.
    /// </summary>
    public PvsSharedCache? SharedCache { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>A handler for upstream requests (tests). Not disposed by the proxy.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
