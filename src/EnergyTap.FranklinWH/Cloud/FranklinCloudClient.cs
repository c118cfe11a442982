using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyTap.FranklinWH.Cloud.Auth;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Gateways;
using EnergyTap.FranklinWH.Cloud.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.FranklinWH.Cloud;

/// <summary>
/// The FranklinWH cloud API for one account: login and token renewal, stats, generator, accessories,
/// smart circuits, operating mode, reserve and (speculative, opt-in) V2L. Polite by default: requests are
/// spaced, stats are polled no faster than the app does, 429 is honoured and failures back off.
/// Feature methods live in partial files next to their types (Stats/, Generator/, Mqtt/ ...).
/// </summary>
public sealed partial class FranklinCloudClient : IDisposable
{
    internal const string Terminal = "hes-gateway/terminal/";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly FranklinCloudOptions _options;
    private readonly CloudTransport _transport;
    private readonly CloudSession _session;
    private readonly ILogger _logger;

    /// <param name="httpClient">Optional; when given, it is used as is and not disposed (its Timeout is ignored: <see cref="FranklinCloudOptions.RequestTimeout"/> applies).</param>
    public FranklinCloudClient(FranklinCloudOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = options.LoggerFactory?.CreateLogger<FranklinCloudClient>() ?? NullLogger<FranklinCloudClient>.Instance;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { ConnectTimeout = options.RequestTimeout }) { Timeout = Timeout.InfiniteTimeSpan };
        _transport = new CloudTransport(_http, options, _logger);
        _session = new CloudSession(_transport, options, _logger);
    }

    public Uri BaseUri => _options.BaseUri;

    /// <summary>Logs in now (whatever token is cached) and stores the new token.</summary>
    public Task<CloudLoginResult> LoginAsync(CancellationToken cancellationToken = default) => _session.LoginAsync(cancellationToken);

    /// <summary>Every aGate on the account.</summary>
    public async Task<IReadOnlyList<CloudGateway>> GetGatewaysAsync(CancellationToken cancellationToken = default)
    {
        var result = await GetAsync("getHomeGatewayList", [], cancellationToken);
        return result.ValueKind == JsonValueKind.Array ? [.. result.EnumerateArray().Select(CloudGateway.From).OfType<CloudGateway>()] : [];
    }

    /// <summary>
    /// The gateway to talk to: <paramref name="requestedId"/> when given (and on the account), otherwise the only one.
    /// Several gateways and no choice is an error listing their ids. The cloud's ids are case-sensitive (a lower-case
    /// id answers 181), so an id typed in another case resolves to the account's own spelling.
    /// </summary>
    public async Task<CloudGateway> ResolveGatewayAsync(string? requestedId, CancellationToken cancellationToken = default)
    {
        var gateways = await GetGatewaysAsync(cancellationToken);
        var ids = gateways.Select(g => g.Id).ToList();
        if (requestedId is not null)
        {
            var sameCase = gateways.Where(g => string.Equals(g.Id, requestedId, StringComparison.OrdinalIgnoreCase)).ToList();
            return gateways.FirstOrDefault(g => string.Equals(g.Id, requestedId, StringComparison.Ordinal))
                ?? (sameCase.Count == 1 ? sameCase[0] : null)
                ?? throw new GatewayNotFoundException($"gateway {requestedId} is not on this account; it has: {string.Join(", ", ids)}.", ids, requestedId);
        }

        return gateways.Count switch
        {
            1 => gateways[0],
            0 => throw new GatewayNotFoundException("this FranklinWH account has no gateways.", ids),
            _ => throw new GatewayNotFoundException($"this account has {gateways.Count} gateways and none was chosen: {string.Join(", ", ids)}.", ids),
        };
    }

    internal Task<JsonElement> GetAsync(string endpoint, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken,
        string? paceKey = null, TimeSpan paceInterval = default) =>
        CallAsync(new CloudCall(HttpMethod.Get, Terminal + endpoint) { Query = query, PaceKey = paceKey, PaceInterval = paceInterval }, cancellationToken);

    /// <summary>A GET outside hes-gateway/terminal/ (e.g. hes-gateway/common/).</summary>
    internal Task<JsonElement> GetFromAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        CallAsync(new CloudCall(HttpMethod.Get, path) { Query = query }, cancellationToken);

    internal Task<JsonElement> PostJsonAsync(string endpoint, JsonObject body, CancellationToken cancellationToken) =>
        PostJsonBytesAsync(endpoint, JsonSerializer.SerializeToUtf8Bytes(body), cancellationToken);

    /// <summary>Posts UTF-8 JSON text exactly as given (sendMqtt needs its dataArea bytes untouched).</summary>
    internal Task<JsonElement> PostJsonBytesAsync(string endpoint, byte[] body, CancellationToken cancellationToken) =>
        CallAsync(new CloudCall(HttpMethod.Post, Terminal + endpoint) { Body = () => CloudTransport.JsonBody(body) }, cancellationToken);

    internal Task<JsonElement> PostQueryAsync(string endpoint, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        CallAsync(new CloudCall(HttpMethod.Post, Terminal + endpoint) { Query = query }, cancellationToken);

    internal static KeyValuePair<string, string> Q(string name, object value) =>
        new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>Sends with the current token; on 401/10009 logs in once and retries once, never more.</summary>
    private async Task<JsonElement> CallAsync(CloudCall call, CancellationToken cancellationToken)
    {
        var token = await _session.GetTokenAsync(cancellationToken);
        var envelope = await _transport.SendAsync(call, token, cancellationToken);
        if (CloudErrorCodes.MeansLoginExpired(envelope.Code))
        {
            token = await _session.RenewAsync(token, cancellationToken);
            envelope = await _transport.SendAsync(call, token, cancellationToken);
            if (CloudErrorCodes.MeansLoginExpired(envelope.Code))
            {
                throw new CloudAuthenticationException(envelope.Code,
                    $"FranklinWH cloud {call.Endpoint}: the login was rejected again right after a fresh login (code {envelope.Code}).");
            }
        }

        return envelope.ResultOrThrow(call.Endpoint);
    }

    public void Dispose()
    {
        _session.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
