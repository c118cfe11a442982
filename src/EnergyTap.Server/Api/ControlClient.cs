using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyTap.Server.Control;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Api;

/// <summary>The server could not be reached, or it refused or failed the request; the message is one line for a person.</summary>
public sealed class ControlClientException(string message, HttpStatusCode? status = null, bool refused = false) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Nothing listens at the address: no server runs there (unlike a server that is slow or says no).</summary>
    public bool Refused { get; } = refused;
}

/// <summary>
/// Sends battery commands to a running EnergyTap server, so its supervisor stays the only writer to the
/// battery and its revert deadline holds after this process exits.
/// </summary>
public sealed class ControlClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = ApiJson.Options;

    private readonly HttpClient _http;

    public ControlClient(Uri server, string? token, TimeSpan timeout)
    {
        _http = new HttpClient { BaseAddress = server, Timeout = timeout };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri Server => _http.BaseAddress!;

    public Task<ControlState> GetStateAsync(CancellationToken cancellationToken) =>
        SendAsync<ControlState>(new HttpRequestMessage(HttpMethod.Get, "api/control"), cancellationToken);

    public Task<RemoteCommand> IssueAsync(string site, string device, BatteryCommandKind kind, double watts, TimeSpan duration, CancellationToken cancellationToken) =>
        SendAsync<RemoteCommand>(new HttpRequestMessage(HttpMethod.Post, Path(site, device))
        {
            Content = JsonContent.Create(new ControlRequest(kind, watts, (int)Math.Ceiling(duration.TotalSeconds)), options: Json),
        }, cancellationToken);

    public Task<RemoteRelease> ReleaseAsync(string site, string device, CancellationToken cancellationToken) =>
        SendAsync<RemoteRelease>(new HttpRequestMessage(HttpMethod.Delete, Path(site, device)), cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string Path(string site, string device) => $"api/control/{Uri.EscapeDataString(site)}/{Uri.EscapeDataString(device)}";

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var _ = request;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ControlClientException($"no EnergyTap server answered at {Server}: {ex.Message}", refused: ex.HttpRequestError == HttpRequestError.ConnectionError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControlClientException($"the EnergyTap server at {Server} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ControlClientException($"the EnergyTap server at {Server} said: {await ProblemAsync(response, cancellationToken)}", response.StatusCode);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw new ControlClientException($"the EnergyTap server at {Server} sent an empty answer");
            }
            catch (JsonException ex)
            {
                throw new ControlClientException($"{Server} does not look like an EnergyTap server ({ex.Message})");
            }
        }
    }

    /// <summary>The API answers errors as RFC 7807 problem details; anything else is reported by its status.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var detail)
                && detail.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // not a problem document; fall through to the status line
        }

        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
