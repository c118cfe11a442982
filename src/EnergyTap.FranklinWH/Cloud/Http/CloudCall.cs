namespace EnergyTap.FranklinWH.Cloud.Http;

/// <summary>One request to the cloud: where, what, and how it is paced.</summary>
internal sealed record CloudCall(HttpMethod Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Built anew for every attempt, because HttpContent cannot be sent twice.</summary>
    public Func<HttpContent>? Body { get; init; }

    public bool Authenticated { get; init; } = true;

    /// <summary>Calls sharing a key are spaced by <see cref="PaceInterval"/> (e.g. stats per gateway).</summary>
    public string? PaceKey { get; init; }

    public TimeSpan PaceInterval { get; init; }

    /// <summary>Safe to repeat after a network failure or 5xx (reads are; writes are not).</summary>
    public bool Idempotent => Method == HttpMethod.Get;

    /// <summary>The endpoint's last path segment, for messages and logs (never the query, which may carry ids).</summary>
    public string Endpoint => Path[(Path.LastIndexOf('/') + 1)..];

    public string RelativeUri => Query.Count == 0
        ? Path
        : $"{Path}?{string.Join('&', Query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))}";
}
