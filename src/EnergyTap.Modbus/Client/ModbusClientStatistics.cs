namespace EnergyTap.Modbus;

/// <summary>
/// Live counters of one client, safe to read while requests run. Benchmarks and diagnostics use
/// <see cref="RoundTrips"/> to count how many exchanges a higher-level operation cost.
/// </summary>
public sealed class ModbusClientStatistics
{
    private long requestsSent;
    private long roundTrips;
    private long exceptionResponses;
    private long timeouts;
    private long protocolErrors;
    private long connectionErrors;
    private long connects;
    private long reconnects;
    private long staleResponses;

    /// <summary>Requests written to the wire.</summary>
    public long RequestsSent => Interlocked.Read(ref requestsSent);

    /// <summary>Requests that got a well-formed answer (including exception responses).</summary>
    public long RoundTrips => Interlocked.Read(ref roundTrips);

    public long ExceptionResponses => Interlocked.Read(ref exceptionResponses);

    public long Timeouts => Interlocked.Read(ref timeouts);

    public long ProtocolErrors => Interlocked.Read(ref protocolErrors);

    /// <summary>Failed connection attempts and connections lost during a request.</summary>
    public long ConnectionErrors => Interlocked.Read(ref connectionErrors);

    /// <summary>Every error: exception responses, timeouts, protocol and connection errors.</summary>
    public long Errors => ExceptionResponses + Timeouts + ProtocolErrors + ConnectionErrors;

    /// <summary>Connections opened, the first one included.</summary>
    public long Connects => Interlocked.Read(ref connects);

    /// <summary>Connections opened to replace a lost or abandoned one.</summary>
    public long Reconnects => Interlocked.Read(ref reconnects);

    /// <summary>Late answers to timed-out requests that were recognised and dropped.</summary>
    public long StaleResponses => Interlocked.Read(ref staleResponses);

    public void Reset()
    {
        Interlocked.Exchange(ref requestsSent, 0);
        Interlocked.Exchange(ref roundTrips, 0);
        Interlocked.Exchange(ref exceptionResponses, 0);
        Interlocked.Exchange(ref timeouts, 0);
        Interlocked.Exchange(ref protocolErrors, 0);
        Interlocked.Exchange(ref connectionErrors, 0);
        Interlocked.Exchange(ref connects, 0);
        Interlocked.Exchange(ref reconnects, 0);
        Interlocked.Exchange(ref staleResponses, 0);
    }

    public override string ToString() =>
        $"requests {RequestsSent}, round trips {RoundTrips}, errors {Errors}, timeouts {Timeouts}, reconnects {Reconnects}, stale {StaleResponses}";

    internal void RequestSent() => Interlocked.Increment(ref requestsSent);

    internal void RoundTrip() => Interlocked.Increment(ref roundTrips);

    internal void ExceptionResponse() => Interlocked.Increment(ref exceptionResponses);

    internal void Timeout() => Interlocked.Increment(ref timeouts);

    internal void ProtocolError() => Interlocked.Increment(ref protocolErrors);

    internal void ConnectionError() => Interlocked.Increment(ref connectionErrors);

    internal void Connected(bool isReconnect)
    {
        Interlocked.Increment(ref connects);
        if (isReconnect)
        {
            Interlocked.Increment(ref reconnects);
        }
    }

    internal void StaleResponse() => Interlocked.Increment(ref staleResponses);
}
