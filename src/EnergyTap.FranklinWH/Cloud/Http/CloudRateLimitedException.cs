using EnergyTap.FranklinWH.Cloud.Envelope;

namespace EnergyTap.FranklinWH.Cloud.Http;

/// <summary>The cloud kept answering 429 (or asked for a wait longer than we are willing to block).</summary>
public sealed class CloudRateLimitedException(string endpoint, TimeSpan? retryAfter) : CloudApiException(
    429,
    $"FranklinWH cloud {endpoint}: too many requests (HTTP 429)"
    + (retryAfter is { } wait ? $"; the server asks to wait {wait.TotalSeconds:0} s" : "")
    + "; poll less often.")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
