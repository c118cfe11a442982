namespace EnergyTap.SunPower;

/// <summary>Base of every error the PVS client raises; the message is always one line a user can act on.</summary>
public class PvsException : Exception
{
    public PvsException(string message) : base(message) { }

    public PvsException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>Login failed or the PVS refused the session (wrong serial/password, expired session that could not be renewed).</summary>
public sealed class PvsAuthenticationException(string message, Exception? inner = null) : PvsException(message, inner);

/// <summary>
/// The PVS cannot serve right now: 503 "No server is available", another 5xx, a refused connection, a reboot,
/// or the client is backing off after such an answer. <see cref="RetryAfter"/> says when asking again is polite.
/// </summary>
public sealed class PvsUnavailableException(string message, DateTimeOffset? retryAfter = null, Exception? inner = null)
    : PvsException(message, inner)
{
    public DateTimeOffset? RetryAfter { get; } = retryAfter;
}

/// <summary>The PVS answered, but not with what the protocol promises: bad or truncated JSON, result other than "succeed".</summary>
public sealed class PvsProtocolException(string message, Exception? inner = null) : PvsException(message, inner);

/// <summary>The PVS did not answer within the request's own timeout (a hanging PVS must never hang the caller).</summary>
public sealed class PvsTimeoutException(string message, Exception? inner = null) : PvsException(message, inner);

/// <summary>
/// The firmware does not offer this command: 403 on legacy commands after the 2025 LocalAPI change,
/// 404, or {"result":"unknown command"}.
/// </summary>
public sealed class PvsCommandNotSupportedException(string message) : PvsException(message);
