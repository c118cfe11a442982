namespace EnergyTap.SunPower;

/// <summary>One request for the <see cref="PvsTransport"/>: what to send, its own timeout, and a name for error messages.</summary>
public sealed record PvsRequest(HttpMethod Method, Uri Uri, TimeSpan Timeout, string What)
{
    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public IEnumerable<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>
    /// A detection probe: a refused connection, a TLS handshake with a plain-http port or a timeout only means
    /// "not here", so it starts no backoff (the next probe must still go out). 5xx answers still back off.
    /// </summary>
    public bool Probe { get; init; }
}
