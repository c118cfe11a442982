namespace EnergyTap.Modbus.Server;

/// <summary>Live counters of a server, e.g. for tests that check a poller stays polite.</summary>
public sealed class ModbusServerStatistics
{
    private long connectionsAccepted;
    private long connectionsRefused;
    private long requests;
    private long exceptionResponses;
    private long badFrames;
    private long hookFailures;

    public long ConnectionsAccepted => Interlocked.Read(ref connectionsAccepted);

    /// <summary>Connections closed at once because <see cref="ModbusServerOptions.MaxConnections"/> were open.</summary>
    public long ConnectionsRefused => Interlocked.Read(ref connectionsRefused);

    /// <summary>Well-formed request frames received, answered or not.</summary>
    public long Requests => Interlocked.Read(ref requests);

    public long ExceptionResponses => Interlocked.Read(ref exceptionResponses);

    /// <summary>Connections dropped because the client sent something that is not a valid frame.</summary>
    public long BadFrames => Interlocked.Read(ref badFrames);

    /// <summary>Requests answered with SERVER DEVICE FAILURE because a read or write hook threw.</summary>
    public long HookFailures => Interlocked.Read(ref hookFailures);

    internal void Accepted() => Interlocked.Increment(ref connectionsAccepted);

    internal void Refused() => Interlocked.Increment(ref connectionsRefused);

    internal void Request() => Interlocked.Increment(ref requests);

    internal void ExceptionResponse() => Interlocked.Increment(ref exceptionResponses);

    internal void BadFrame() => Interlocked.Increment(ref badFrames);

    internal void HookFailure() => Interlocked.Increment(ref hookFailures);
}
