using System.Globalization;
using System.Net;
using System.Text;
using EnergyTap.SunPower.Parsing;
using EnergyTap.SunPower.Politeness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyTap.SunPower.Proxy;

/// <summary>
/// A caching reverse proxy for one PVS (replaces the Raspberry Pi haproxy bridge). Everything is forwarded,
/// one request at a time; DeviceList, dl_cgi/devices/list, supervisor/info and varserver /vars reads are answered
/// from a single-flight cache, so any number of clients cause one upstream call per refresh window. On LocalAPI
/// firmware the proxy holds the one session with the PVS (<see cref="ProxySession"/>): clients need none to read. Answers are
/// gzip-compressed for clients that accept it, and a stats page reports upstream calls, cache hits, errors,
/// latency and the PVS uptime. Host it in any process: <see cref="StartAsync"/>, <see cref="BoundAddress"/>,
/// <see cref="Stats"/>, <see cref="DisposeAsync"/>.
/// </summary>
public sealed class PvsProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Accept-Encoding", "Upgrade",
        "Proxy-Connection", "TE", "Trailer", "Content-Encoding",
    };

    private readonly PvsProxyOptions _options;
    private readonly PvsTransport _transport;
    private readonly SingleFlightCache<string, CachedResponse> _cache;
    private readonly RebootDetector _reboots = new();
    private readonly ProxySession _session;
    private readonly Lock _lock = new();
    private WebApplication? _app;
    private long _clientRequests;
    private long _staleServed;
    private long _errors;
    private long _latencyCount;
    private double _latencyTotalMs;
    private double _latencyMaxMs;

    public PvsProxy(PvsProxyOptions options)
    {
        _options = options;
        var clientOptions = new PvsClientOptions
        {
            Politeness = options.Politeness,
            TimeProvider = options.TimeProvider,
            Logger = options.Logger,
            HttpHandler = options.HttpHandler,
            SharedCache = options.SharedCache,
        };
        _transport = new PvsTransport(PvsEndpoint.Parse(options.Upstream.GetLeftPart(UriPartial.Authority)), clientOptions);
        _cache = new SingleFlightCache<string, CachedResponse>(options.TimeProvider);
        _session = new ProxySession(_transport, options.Password, options.Logger);
        StartedAt = options.TimeProvider.GetUtcNow();
    }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The address actually listened on (after port 0 was resolved); null before start.</summary>
    public Uri? BoundAddress { get; private set; }

    public PvsProxyStats Stats
    {
        get
        {
            lock (_lock)
            {
                return new PvsProxyStats(
                    StartedAt,
                    Interlocked.Read(ref _clientRequests),
                    _transport.RequestsSent,
                    _cache.Hits,
                    Interlocked.Read(ref _staleServed),
                    Interlocked.Read(ref _errors),
                    _latencyCount == 0 ? 0 : _latencyTotalMs / _latencyCount,
                    _latencyMaxMs,
                    _reboots.LastUptimeSeconds,
                    _reboots.RebootsDetected,
                    _transport.Gate.Backoff.BlockedUntil(_options.TimeProvider.GetUtcNow()));
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var (address, port) = ParseListen(_options.Listen);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        if (_options.Gzip)
        {
            builder.Services.AddResponseCompression(compression =>
            {
                compression.EnableForHttps = true;
                compression.Providers.Add<GzipCompressionProvider>();
                compression.MimeTypes = ["application/json", "text/html", "text/plain", "text/css", "text/javascript", "application/javascript"];
            });
        }

        var app = builder.Build();
        if (_options.Gzip)
        {
            app.UseResponseCompression();
        }

        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the proxy did not report its address");
        BoundAddress = new Uri(bound.Replace("[::]", "[::1]", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        _options.Logger.LogInformation("PVS proxy listening on {Address}, forwarding to {Upstream}", bound, _options.Upstream);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _transport.Dispose();
    }

    /// <summary>"0.0.0.0:80", "127.0.0.1:8080", "[::1]:0", "localhost:8080", or a bare port.</summary>
    public static (IPAddress Address, int Port) ParseListen(string listen)
    {
        var text = listen.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var onlyPort))
        {
            return (IPAddress.Loopback, onlyPort);
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ArgumentException($"'{listen}' must be address:port, e.g. 127.0.0.1:8080 or 0.0.0.0:80", nameof(listen));
        }

        var host = text[..colon].Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return (IPAddress.Loopback, port);
        }

        return IPAddress.TryParse(host, out var address)
            ? (address, port)
            : throw new ArgumentException($"'{listen}': '{host}' is not an IP address", nameof(listen));
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _clientRequests);
        var request = context.Request;
        var statsPath = _options.StatsPath.TrimEnd('/');
        if (string.Equals(request.Path.Value, statsPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals(request.Path.Value, statsPath + ".json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteStatsAsync(context, request.Path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
            return;
        }

        var path = request.Path.Value ?? "/";
        var query = request.QueryString.Value ?? "";
        var target = new Uri(_options.Upstream, path + query);
        var headers = ForwardedHeaders(request);
        var (cacheClass, key) = ProxyRoute.Classify(request.Method, path, query);
        var fromCache = cacheClass != ProxyCacheClass.None;
        var withSession = ProxyRoute.MayNeedSession(path, query);

        try
        {
            if (ProxyRoute.IsAuth(path))
            {
                await AnswerAuthAsync(context, query);
                return;
            }

            if (fromCache)
            {
                var window = cacheClass switch
                {
                    ProxyCacheClass.DeviceList => _options.Politeness.DeviceList,
                    ProxyCacheClass.Static => _options.Politeness.Static,
                    _ => _options.Politeness.Varserver,
                };
                var timeout = cacheClass == ProxyCacheClass.DeviceList ? _options.Politeness.DeviceListTimeout : _options.Politeness.RequestTimeout;
                var result = await _cache.GetAsync(
                    key,
                    async ct => await FetchForCacheAsync(target, headers, timeout, withSession, ct),
                    (value, fetched) => value.Status == HttpStatusCode.OK ? window.ExpiresAt(fetched) : fetched,
                    _options.ServeStaleFor,
                    context.RequestAborted);
                if (result.Stale)
                {
                    Interlocked.Increment(ref _staleServed);
                }

                await WriteCachedAsync(context, result.Value, result.Stale ? "stale" : result.FromCache ? "hit" : "miss", result.FetchedAt);
                return;
            }

            var body = await ReadBodyAsync(request, context.RequestAborted);
            if (ProxyRoute.IsVarsWrite(request.Method, path, query, body) && !HoldsClientToken(request))
            {
                // The proxy logs in for everyone, so it asks for the PVS password itself before a setting changes.
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "log in through the proxy (GET /auth?login as ssm_owner) before changing a PVS setting", null);
                return;
            }

            var response = await TimedAsync(() => SendWithSessionAsync(
                sending => _transport.SendAsync(new PvsRequest(new HttpMethod(request.Method), target, _options.Politeness.DeviceListTimeout, $"{request.Method} {path}")
                {
                    Body = body,
                    ContentType = request.ContentType,
                    Headers = sending,
                }, context.RequestAborted),
                headers, withSession, context.RequestAborted));
            await WriteUpstreamAsync(context, response);
        }
        catch (PvsUnavailableException ex)
        {
            CountError(fromCache);
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ex.Message, ex.RetryAfter);
        }
        catch (PvsTimeoutException ex)
        {
            CountError(fromCache);
            await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, ex.Message, null);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the shared upstream call carries on for the others.
        }
    }

    // Cached requests count their upstream failure once, in FetchForCacheAsync, however many clients shared it.
    private void CountError(bool fromCache)
    {
        if (!fromCache)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    /// <summary>
    /// /auth is answered by the proxy: a client's login is checked against the PVS password and answered with the
    /// proxy's token (the PVS sees one login, the proxy's, however many clients log in); logout ends nothing upstream.
    /// </summary>
    private async Task AnswerAuthAsync(HttpContext context, string query)
    {
        var response = context.Response;
        if (query.Contains("logout", StringComparison.OrdinalIgnoreCase))
        {
            response.Cookies.Delete("session");
            await response.WriteAsJsonAsync(new AuthStatus("logged out"), context.RequestAborted);
            return;
        }

        if (!query.Contains("login", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "expected /auth?login or /auth?logout", null);
            return;
        }

        if (await _session.AcceptsAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted))
        {
            response.Cookies.Append("session", _session.ClientToken, new CookieOptions { HttpOnly = true, Path = "/" });
            await response.WriteAsJsonAsync(new AuthSession(_session.ClientToken), context.RequestAborted);
            return;
        }

        if (_session.Refused is { } refused)
        {
            await WriteErrorAsync(context, StatusCodes.Status502BadGateway, $"the PVS refused the proxy's own login ({refused}); restart the proxy with the right password", null);
            return;
        }

        await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "login as ssm_owner refused: the password is the last 5 characters of the PVS serial", null);
    }

    /// <summary>
    /// Sends with the proxy's LocalAPI session where one can matter (/vars, dl_cgi REST paths); when the PVS asks for
    /// a session (401/403), logs in once (shared by every waiting caller) and sends again.
    /// </summary>
    private async Task<PvsResponse> SendWithSessionAsync(
        Func<IReadOnlyList<KeyValuePair<string, string>>, Task<PvsResponse>> send,
        List<KeyValuePair<string, string>> headers,
        bool withSession,
        CancellationToken cancellationToken)
    {
        if (!withSession)
        {
            return await send(headers);
        }

        var used = _session.Current;
        var response = await send([.. headers, .. used]);
        if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            && await _session.RenewAsync(used, null, cancellationToken) is { } renewed)
        {
            response = await send([.. headers, .. renewed]);
        }

        return response;
    }

    private async Task<CachedResponse> FetchForCacheAsync(Uri target, List<KeyValuePair<string, string>> headers, TimeSpan timeout, bool withSession, CancellationToken cancellationToken)
    {
        PvsResponse response;
        try
        {
            response = await TimedAsync(() => SendWithSessionAsync(
                sending => _transport.GetAsync(target, timeout, "GET " + target.PathAndQuery, cancellationToken, sending),
                headers, withSession, cancellationToken));
        }
        catch (PvsException)
        {
            Interlocked.Increment(ref _errors);
            throw;
        }

        if (response.IsSuccess)
        {
            ObserveUptime(response.Body);
        }
        else
        {
            Interlocked.Increment(ref _errors);
        }

        return new CachedResponse(response.Status, response.ContentType, response.Body);
    }

    private async Task<PvsResponse> TimedAsync(Func<Task<PvsResponse>> call)
    {
        var started = _options.TimeProvider.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            var ms = _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
            lock (_lock)
            {
                _latencyCount++;
                _latencyTotalMs += ms;
                _latencyMaxMs = Math.Max(_latencyMaxMs, ms);
            }
        }
    }

    /// <summary>Reads dl_uptime (DeviceList) or /sys/info/uptime (vars) to notice PVS restarts.</summary>
    private void ObserveUptime(byte[] body)
    {
        try
        {
            double? uptime = null;
            using var document = System.Text.Json.JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty("devices", out var devices) && devices.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                uptime = devices.EnumerateArray().Select(d => PvsJson.Number(d, "dl_uptime")).FirstOrDefault(u => u is not null);
            }
            else if (root.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                var vars = Varserver.VarsParser.Parse(body, "vars");
                uptime = vars.TryGetValue("/sys/info/uptime", out var text) ? PvsValues.ParseNumber(text) : null;
            }

            if (uptime is { } seconds && _reboots.Observe(seconds, _options.TimeProvider.GetUtcNow()))
            {
                _options.Logger.LogWarning("The PVS restarted (uptime now {Uptime} s)", seconds);
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or PvsException)
        {
            // Not JSON we understand; the body is still served as is.
        }
    }

    private bool HoldsClientToken(HttpRequest request) =>
        request.Cookies.TryGetValue("session", out var token) && token is not null
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(_session.ClientToken));

    private static List<KeyValuePair<string, string>> ForwardedHeaders(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                // A client's session is the proxy's token (or a stale PVS session): the proxy sends its own.
                var others = string.Join("; ", header.Value.SelectMany(v => (v ?? "").Split(';')).Select(c => c.Trim())
                    .Where(c => c.Length > 0 && !c.StartsWith("session=", StringComparison.OrdinalIgnoreCase)));
                if (others.Length > 0)
                {
                    headers.Add(new("Cookie", others));
                }
            }
            else if (!HopHeaders.Contains(header.Key) && !header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in header.Value)
                {
                    headers.Add(new(header.Key, value ?? ""));
                }
            }
        }

        return headers;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task WriteUpstreamAsync(HttpContext context, PvsResponse response)
    {
        context.Response.StatusCode = (int)response.Status;
        foreach (var (name, value) in response.Headers)
        {
            if (!HopHeaders.Contains(name) && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Append(name, value);
            }
        }

        context.Response.ContentType = response.ContentType;
        context.Response.Headers["X-EnergyTap-Cache"] = "pass";
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task WriteCachedAsync(HttpContext context, CachedResponse cached, string cacheState, DateTimeOffset fetchedAt)
    {
        context.Response.StatusCode = (int)cached.Status;
        context.Response.ContentType = cached.ContentType;
        context.Response.Headers["X-EnergyTap-Cache"] = cacheState;
        context.Response.Headers["X-EnergyTap-Fetched"] = fetchedAt.ToString("O", CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.WriteAsync(cached.Body, context.RequestAborted);
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message, DateTimeOffset? retryAfter)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(new ProxyError("proxy", message), context.RequestAborted);
    }

    private async Task WriteStatsAsync(HttpContext context, bool json)
    {
        var stats = Stats;
        if (json)
        {
            await context.Response.WriteAsJsonAsync(stats, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers["Refresh"] = "10";
        var html = new StringBuilder()
            .Append("<!doctype html><html><head><title>EnergyTap PVS proxy</title>")
            .Append("<style>body{font-family:sans-serif}td,th{padding:4px 12px;text-align:left}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<h1>EnergyTap PVS proxy</h1><p>Upstream {WebUtility.HtmlEncode(_options.Upstream.ToString())}</p><table>")
            .Append(Row("Started", stats.StartedAt.ToString("u", CultureInfo.InvariantCulture)))
            .Append(Row("Client requests", stats.ClientRequests))
            .Append(Row("Upstream calls", stats.UpstreamCalls))
            .Append(Row("Cache hits", stats.CacheHits))
            .Append(Row("Stale answers served", stats.StaleServed))
            .Append(Row("Errors", stats.Errors))
            .Append(Row("Upstream latency avg / max (ms)", $"{stats.AverageUpstreamMilliseconds:0} / {stats.MaxUpstreamMilliseconds:0}"))
            .Append(Row("PVS uptime (s)", stats.PvsUptimeSeconds?.ToString("0", CultureInfo.InvariantCulture) ?? "unknown"))
            .Append(Row("PVS restarts seen", stats.PvsRebootsDetected))
            .Append(Row("Backing off until", stats.BackingOffUntil?.ToString("u", CultureInfo.InvariantCulture) ?? "-"))
            .Append("</table></body></html>");
        await context.Response.WriteAsync(html.ToString(), context.RequestAborted);
    }

    private static string Row(string name, object value) =>
        $"<tr><th>{WebUtility.HtmlEncode(name)}</th><td>{WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture))}</td></tr>";

    private sealed record ProxyError(string Source, string Error);

    private sealed record AuthSession(string Session);

    private sealed record AuthStatus(string Status);
}
