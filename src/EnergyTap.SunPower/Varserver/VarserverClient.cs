using System.Net;
using System.Text;
using System.Text.Json;
using EnergyTap.SunPower.Parsing;

namespace EnergyTap.SunPower.Varserver;

/// <summary>
/// The LocalAPI "varserver" of 2025+ firmware. Logs in as ssm_owner (password: last 5 characters of the PVS
/// serial), keeps the session cookie, logs in again once when the PVS answers 401/403 (sessions last about
/// 5–10 minutes), and reads variables by name, by match, or through a server-side cache id (cheap re-reads;
/// match queries scan the whole namespace). Values come back as text, keyed by full variable name.
/// Without a password it reads /sys/info/serialnum anonymously (the PVS tells anyone) and derives it.
/// </summary>
public sealed class VarserverClient
{
    private const string User = "ssm_owner";
    private const string SerialVariable = "/sys/info/serialnum";
    private readonly PvsTransport _transport;
    private string? _password;
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private readonly HashSet<string> _registeredCaches = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string? _session;

    /// <param name="transport">The PVS.</param>
    /// <param name="password">The ssm_owner password; null reads the serial from the PVS before the first login.</param>
    public VarserverClient(PvsTransport transport, string? password = null)
    {
        _transport = transport;
        _password = string.IsNullOrEmpty(password) ? null : password;
    }

    /// <summary>The password a PVS uses for ssm_owner: the last 5 characters of its serial.</summary>
    public static string PasswordFromSerial(string serial)
    {
        var s = serial.Trim();
        return s.Length >= 5 ? s[^5..] : throw new PvsAuthenticationException($"'{serial}' is too short to be a PVS serial");
    }

    public int Logins { get; private set; }

    /// <summary>
    /// GET /vars?name=/sys/info/serialnum without a session: the LocalAPI tells anyone its serial (and SSID and
    /// MAC), which is why the serial need not be configured.
    /// </summary>
    public async Task<string> ReadSerialAsync(CancellationToken cancellationToken = default)
    {
        const string what = "LocalAPI serial";
        var uri = new Uri(_transport.Endpoint.VarserverBase, "vars?name=" + SerialVariable + "&fmt=obj");
        var response = await _transport.GetAsync(uri, _transport.Options.Politeness.RequestTimeout, what, cancellationToken);
        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new PvsAuthenticationException($"{what}: this PVS does not tell its serial without a login ({(int)response.Status}); give the PVS serial or the password");
        }

        PvsTransport.EnsureSuccess(response, what);
        return VarsParser.Parse(response.Body, what).GetValueOrDefault(SerialVariable) is { Length: >= 5 } serial
            ? serial.Trim()
            : throw new PvsProtocolException($"{what}: the PVS answered without a serial; give the PVS serial or the password");
    }

    /// <summary>GET /auth?login with basic auth; keeps the session.</summary>
    public async Task LoginAsync(CancellationToken cancellationToken = default)
    {
        var password = _password ??= PasswordFromSerial(await ReadSerialAsync(cancellationToken));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}"));
        var uri = new Uri(_transport.Endpoint.VarserverBase, "auth?login");
        var response = await _transport.GetAsync(uri, _transport.Options.Politeness.RequestTimeout, "LocalAPI login", cancellationToken,
            [new("Authorization", "basic " + basic)]);
        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new PvsAuthenticationException("LocalAPI login as ssm_owner was refused: the password must be the last 5 characters of the PVS serial");
        }

        PvsTransport.EnsureSuccess(response, "LocalAPI login");
        var session = SessionFromCookie(response) ?? SessionFromBody(response);
        if (string.IsNullOrEmpty(session))
        {
            throw new PvsProtocolException("LocalAPI login: the PVS answered without a session");
        }

        lock (_lock)
        {
            _session = session;
            Logins++;
        }
    }

    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        var headers = CurrentSessionHeaders();
        if (headers.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _session = null;
        }

        var response = await _transport.GetAsync(new Uri(_transport.Endpoint.VarserverBase, "auth?logout"), _transport.Options.Politeness.RequestTimeout, "LocalAPI logout", cancellationToken, headers);
        _ = response; // a failed logout only means the session expires on its own
    }

    /// <summary>The Cookie header of a valid session, logging in first when needed (also for authenticated dl_cgi paths).</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> SessionHeadersAsync(CancellationToken cancellationToken)
    {
        var headers = CurrentSessionHeaders();
        if (headers.Count > 0)
        {
            return headers;
        }

        await _loginLock.WaitAsync(cancellationToken);
        try
        {
            if (CurrentSessionHeaders().Count == 0)
            {
                await LoginAsync(cancellationToken);
            }
        }
        finally
        {
            _loginLock.Release();
        }

        return CurrentSessionHeaders();
    }

    /// <summary>/vars?name=a,b&amp;fmt=obj.</summary>
    public Task<IReadOnlyDictionary<string, string?>> GetAsync(IEnumerable<string> names, CancellationToken cancellationToken = default) =>
        QueryAsync("name=" + string.Join(',', names.Select(Uri.EscapeDataString)) + "&fmt=obj", cancellationToken);

    /// <summary>/vars?match=substr&amp;fmt=obj (scans the whole namespace; prefer <see cref="MatchCachedAsync"/>).</summary>
    public Task<IReadOnlyDictionary<string, string?>> MatchAsync(string match, CancellationToken cancellationToken = default) =>
        QueryAsync("match=" + Uri.EscapeDataString(match) + "&fmt=obj", cancellationToken);

    /// <summary>
    /// A match query stored on the PVS under <paramref name="cacheId"/>: the first call registers it
    /// (?match=…&amp;cache=id), later calls re-read it cheaply (?cache=id). When the PVS has forgotten the id
    /// (restart, empty answer) it is registered again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> MatchCachedAsync(string match, string cacheId, CancellationToken cancellationToken = default)
    {
        bool registered;
        lock (_lock)
        {
            registered = _registeredCaches.Contains(cacheId);
        }

        if (registered)
        {
            try
            {
                var cached = await QueryAsync("cache=" + Uri.EscapeDataString(cacheId) + "&fmt=obj", cancellationToken);
                if (cached.Count > 0)
                {
                    return cached;
                }
            }
            catch (PvsProtocolException)
            {
                // The id is unknown to the PVS (it restarted); register it again below.
            }
        }

        var values = await QueryAsync($"match={Uri.EscapeDataString(match)}&cache={Uri.EscapeDataString(cacheId)}&fmt=obj", cancellationToken);
        lock (_lock)
        {
            _registeredCaches.Add(cacheId);
        }

        return values;
    }

    /// <summary>/vars?set=/path=value, for the few writable variables (ESS mode, reserve, telemetry enable).</summary>
    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        var answer = await QueryAsync("set=" + Uri.EscapeDataString($"{name}={value}") + "&fmt=obj", cancellationToken);
        _ = answer;
    }

    /// <summary>Forget the session and cache ids, e.g. after the PVS restarted.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _session = null;
            _registeredCaches.Clear();
        }
    }

    private async Task<IReadOnlyDictionary<string, string?>> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var uri = new Uri(_transport.Endpoint.VarserverBase, "vars?" + query);
        var what = "/vars?" + query.Split('&')[0].Split('=')[0];
        for (var attempt = 0; ; attempt++)
        {
            var headers = await SessionHeadersAsync(cancellationToken);
            var response = await _transport.GetAsync(uri, _transport.Options.Politeness.RequestTimeout, what, cancellationToken, headers);
            if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                lock (_lock)
                {
                    _session = null; // expired: log in again once
                }

                if (attempt == 0)
                {
                    continue;
                }

                throw new PvsAuthenticationException($"{what}: the PVS refused a fresh session ({(int)response.Status})");
            }

            if (response.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
            {
                throw new PvsProtocolException($"{what}: the PVS rejected the query ({(int)response.Status})");
            }

            PvsTransport.EnsureSuccess(response, what);
            return VarsParser.Parse(response.Body, what);
        }
    }

    private List<KeyValuePair<string, string>> CurrentSessionHeaders()
    {
        lock (_lock)
        {
            return _session is null ? [] : [new("Cookie", "session=" + _session)];
        }
    }

    private static string? SessionFromCookie(PvsResponse response)
    {
        foreach (var (name, value) in response.Headers)
        {
            if (!string.Equals(name, "Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var pair = value.Split(';')[0].Trim();
            if (pair.StartsWith("session=", StringComparison.OrdinalIgnoreCase))
            {
                return pair["session=".Length..];
            }
        }

        return null;
    }

    private static string? SessionFromBody(PvsResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return PvsJson.String(document.RootElement, "session");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
