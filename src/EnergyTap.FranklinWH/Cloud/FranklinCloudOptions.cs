using EnergyTap.FranklinWH.Cloud.Auth;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Cloud;

/// <summary>How <see cref="FranklinCloudClient"/> reaches the FranklinWH cloud and how politely it does so.</summary>
public sealed record FranklinCloudOptions
{
    /// <summary>The production cloud. Only used when nothing else is configured.</summary>
    public static readonly Uri DefaultBaseUri = new("https://energy.franklinwh.com/");

    public Uri BaseUri { get; init; } = DefaultBaseUri;

    /// <summary>Asked for credentials only when a login is actually needed (no cached token, or it expired).</summary>
    public Func<CancellationToken, ValueTask<CloudCredentials>>? Credentials { get; init; }

    /// <summary>Where the login token is cached between runs. Defaults to memory only.</summary>
    public ICloudTokenStore TokenStore { get; init; } = new InMemoryCloudTokenStore();

    /// <summary>Deadline for every single HTTP exchange.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Minimum spacing of stats polls per gateway; the FranklinWH app itself polls every 10 s.</summary>
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum spacing of any two requests, so a burst of calls never hammers the cloud.</summary>
    public TimeSpan MinRequestInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries after 429, 5xx or a network failure (writes are only retried after 429, which the server did not act on).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubled per attempt, with random jitter of up to half of it.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A 429 asking to wait longer than this fails instead of blocking.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>0 = homeowner login, 1 = installer login.</summary>
    public int AccountType { get; init; }

    /// <summary>Sent as the softwareversion header; it changes which schema the server answers with.</summary>
    public string SoftwareVersion { get; init; } = "APP2.4.1";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of backoff jitter; set a seeded one for reproducible tests.</summary>
    public Random? Jitter { get; init; }

    public ILoggerFactory? LoggerFactory { get; init; }
}
