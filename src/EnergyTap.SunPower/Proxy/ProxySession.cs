using System.Security.Cryptography;
using System.Text;
using EnergyTap.SunPower.Varserver;
using Microsoft.Extensions.Logging;

namespace EnergyTap.SunPower.Proxy;

/// <summary>
/// The proxy's own LocalAPI session with the PVS, shared by every client: one login upstream instead of one per
/// client, and reads that no longer depend on whose cookie came with them (so they can be cached for everyone).
/// The session is obtained when the PVS first asks for one (401/403), with the password given to the proxy, else
/// the last 5 characters of the serial the PVS tells anonymously, else the one a client logs in with.
/// A login the PVS refuses with the proxy's own password is never retried automatically (until a restart).
/// <para>
/// Clients log in to the proxy, not to the PVS: the proxy checks their password against the PVS's and hands out
/// its own token, which it asks for before forwarding a write.
/// </para>
/// </summary>
internal sealed class ProxySession(PvsTransport transport, string? configuredPassword, ILogger logger)
{
    private const string User = "ssm_owner";

    // The PVS tells no serial and nobody gave a password: asking again every request would only add load.
    private static readonly TimeSpan NoCredentialsPause = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly Lock _lock = new();
    private IReadOnlyList<KeyValuePair<string, string>> _headers = [];
    private string? _password = string.IsNullOrEmpty(configuredPassword) ? null : configuredPassword;
    private string? _refused;
    private DateTimeOffset _noCredentialsUntil = DateTimeOffset.MinValue;

    /// <summary>What the proxy gives clients that log in to it; never the PVS's own session.</summary>
    public string ClientToken { get; } = "energytap-proxy-" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    public int Logins { get; private set; }

    /// <summary>Why the PVS refused the proxy's login, once it has; then no further login is tried.</summary>
    public string? Refused
    {
        get { lock (_lock) { return _refused; } }
    }

    /// <summary>The Cookie header of the current upstream session; empty before the PVS first asked for one.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Current
    {
        get { lock (_lock) { return _headers; } }
    }

    /// <summary>
    /// A new session after the PVS refused <paramref name="used"/> (expired, or none yet). Concurrent callers that saw
    /// the same refusal share one login. Null when no session can be had (refused before, or no credentials).
    /// </summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>?> RenewAsync(IReadOnlyList<KeyValuePair<string, string>> used, string? clientPassword, CancellationToken cancellationToken)
    {
        await _renewing.WaitAsync(cancellationToken);
        try
        {
            lock (_lock)
            {
                if (!ReferenceEquals(_headers, used) && _headers.Count > 0)
                {
                    return _headers; // another caller renewed it meanwhile
                }

                if (_refused is not null)
                {
                    return null;
                }
            }

            var password = _password ?? await SerialPasswordAsync(cancellationToken);
            var fromClient = password is null;
            password ??= clientPassword;
            if (password is null)
            {
                return null;
            }

            var client = new VarserverClient(transport, password);
            try
            {
                await client.LoginAsync(cancellationToken);
            }
            catch (PvsAuthenticationException ex)
            {
                if (!fromClient)
                {
                    lock (_lock)
                    {
                        _refused = ex.Message;
                    }

                    logger.LogWarning("The PVS refused the proxy's LocalAPI login; not trying again until the proxy restarts ({Reason})", ex.Message);
                }

                return null; // a client's wrong password is that client's problem: it gets the PVS's 401
            }

            var headers = await client.SessionHeadersAsync(cancellationToken);
            lock (_lock)
            {
                _password = password;
                _headers = headers;
                Logins++;
            }

            return headers;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <summary>
    /// Checks a client's "Authorization: basic ssm_owner:password" against the PVS's password (logging in upstream
    /// first when the proxy does not know it yet). True: the client may have the proxy's token.
    /// </summary>
    public async Task<bool> AcceptsAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (ParseBasic(authorization) is not { User: User } credentials)
        {
            return false;
        }

        string? known;
        lock (_lock)
        {
            known = _password is not null && _headers.Count > 0 ? _password : null;
        }

        if (known is null)
        {
            await RenewAsync(Current, credentials.Password, cancellationToken);
            lock (_lock)
            {
                known = _password;
            }
        }

        return known is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(known), Encoding.UTF8.GetBytes(credentials.Password));
    }

    private async Task<string?> SerialPasswordAsync(CancellationToken cancellationToken)
    {
        if (transport.Time.GetUtcNow() < _noCredentialsUntil)
        {
            return null;
        }

        try
        {
            return VarserverClient.PasswordFromSerial(await new VarserverClient(transport).ReadSerialAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is PvsAuthenticationException or PvsProtocolException or PvsCommandNotSupportedException)
        {
            _noCredentialsUntil = transport.Time.GetUtcNow() + NoCredentialsPause;
            return null;
        }
    }

    private static (string User, string Password)? ParseBasic(string? header)
    {
        var parts = (header ?? "").Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1]));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
