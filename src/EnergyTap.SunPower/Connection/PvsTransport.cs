using System.Net;
using System.Net.Http.Headers;
using EnergyTap.SunPower.Politeness;
using Microsoft.Extensions.Logging;

namespace EnergyTap.SunPower;

/// <summary>
/// Every HTTP request to one PVS passes here: through the <see cref="PoliteGate"/> (one at a time, minimum
/// interval, backoff), under its own timeout, fully read, with failures turned into typed errors.
/// 5xx, timeouts and refused connections start or extend the backoff; 4xx answers are returned to the caller.
/// </summary>
public sealed class PvsTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly ILogger _logger;

    public PvsTransport(PvsEndpoint endpoint, PvsClientOptions options)
    {
        Endpoint = endpoint;
        Options = options;
        Time = options.TimeProvider;
        _logger = options.Logger;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            UseCookies = false, // the varserver session is managed explicitly
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            SslOptions = { RemoteCertificateValidationCallback = PvsTlsValidation.Create(options.CertificateFingerprint) },
        };
        _http = new HttpClient(handler, disposeHandler: options.HttpHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
        SharedKey = PvsSharedCache.KeyOf(endpoint);
        var sharing = options.SharedCache is { } shared
            ? new PoliteGateSharing(shared, SharedKey, options.Politeness.DeviceListTimeout + TimeSpan.FromMinutes(1), options.Waiting)
            : null;
        Gate = new PoliteGate(Time, options.Politeness.MinInterval, new BackoffState(options.Politeness.BackoffInitial, options.Politeness.BackoffMax), sharing);
    }

    /// <summary>Where requests go; detection may move the LocalAPI to the scheme that answered (see <see cref="Retarget"/>).</summary>
    public PvsEndpoint Endpoint { get; private set; }

    public PvsClientOptions Options { get; }

    public TimeProvider Time { get; }

    public PoliteGate Gate { get; }

    /// <summary>This PVS's name in a <see cref="PvsSharedCache"/> (from the address the user gave, fixed for the transport's life).</summary>
    public string SharedKey { get; }

    /// <summary>Requests sent upstream (after the gate), for stats and tests.</summary>
    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    private long _requestsSent;

    /// <summary>Points the transport at the endpoint detection found, before any client uses it.</summary>
    internal void Retarget(PvsEndpoint endpoint) => Endpoint = endpoint;

    public Task<PvsResponse> GetAsync(Uri uri, TimeSpan timeout, string what, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync(new PvsRequest(HttpMethod.Get, uri, timeout, what) { Headers = headers }, cancellationToken);

    public Task<PvsResponse> SendAsync(PvsRequest request, CancellationToken cancellationToken) =>
        Gate.RunAsync(ct => SendNowAsync(request, ct), cancellationToken);

    private async Task<PvsResponse> SendNowAsync(PvsRequest outgoing, CancellationToken cancellationToken)
    {
        var (method, uri, timeout, what) = outgoing;
        using var timeoutSource = new CancellationTokenSource(timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var request = new HttpRequestMessage(method, uri);
        if (outgoing.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            if (outgoing.ContentType is { } contentType)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        foreach (var (name, value) in outgoing.Headers ?? [])
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        Interlocked.Increment(ref _requestsSent);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var status = response.StatusCode;
            if ((int)status >= 500)
            {
                var until = Gate.Backoff.RecordFailure(Time.GetUtcNow());
                _logger.LogWarning("PVS answered {Status} to {What}; backing off until {Until:u}", (int)status, what, until);
                throw new PvsUnavailableException(
                    $"{what}: the PVS answered {(int)status} {(status == HttpStatusCode.ServiceUnavailable ? "(busy or restarting)" : "(server error)")}",
                    until);
            }

            Gate.Backoff.RecordSuccess();
            var collected = response.Headers.Concat(response.Content.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToList();
            return new PvsResponse(status, bytes, response.Content.Headers.ContentType?.ToString(), collected);
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (outgoing.Probe)
            {
                throw new PvsTimeoutException($"{what}: no answer from {uri.GetLeftPart(UriPartial.Authority)} within {timeout.TotalSeconds:0} s", ex);
            }

            var until = Gate.Backoff.RecordFailure(Time.GetUtcNow());
            throw new PvsTimeoutException($"{what}: the PVS did not answer within {timeout.TotalSeconds:0} s", ex);
        }
        catch (HttpRequestException ex)
        {
            DateTimeOffset? until = outgoing.Probe ? null : Gate.Backoff.RecordFailure(Time.GetUtcNow());
            throw new PvsUnavailableException($"{what}: cannot reach the PVS at {uri.GetLeftPart(UriPartial.Authority)} ({Reason(ex)})", until, ex);
        }
    }

    /// <summary>Turns a 4xx answer into the matching typed error.</summary>
    public static void EnsureSuccess(PvsResponse response, string what)
    {
        switch ((int)response.Status)
        {
            case >= 200 and < 300:
                return;
            case 401 or 403:
                throw new PvsAuthenticationException($"{what}: the PVS refused access ({(int)response.Status}); newer firmware needs the LocalAPI login (give the PVS serial or password)");
            case 404:
                throw new PvsCommandNotSupportedException($"{what}: the server answered 404 Not Found (it is not a PVS, or this PVS firmware does not offer it)");
            default:
                throw new PvsProtocolException($"{what}: the PVS answered HTTP {(int)response.Status}");
        }
    }

    /// <summary>
    /// Why a request failed, in a few words: .NET's own text ends "(host:port)" or, for TLS, "see inner exception",
    /// so the innermost message is the one that says what happened.
    /// </summary>
    private static string Reason(HttpRequestException ex)
    {
        var innermost = ex.GetBaseException();
        var text = innermost == ex ? ex.Message.Split('(')[0].Trim() : innermost.Message.Trim().TrimEnd('.');
        return ex.HttpRequestError == HttpRequestError.Unknown ? text : $"{ex.HttpRequestError}: {text}";
    }

    public void Dispose() => _http.Dispose();
}
