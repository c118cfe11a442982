using System.Net;
using EnergyTap.FranklinWH.Cloud.Envelope;
using Microsoft.Extensions.Logging;

namespace EnergyTap.FranklinWH.Cloud.Http;

/// <summary>
/// Sends one <see cref="CloudCall"/>: waits for its pacing slot, enforces the per-request timeout, honours
/// 429 Retry-After, backs off on transient failures, and unwraps the envelope. Knows nothing about logins
/// beyond putting the token in the <c>loginToken</c> header.
/// </summary>
internal sealed class CloudTransport(HttpClient http, FranklinCloudOptions options, ILogger logger)
{
    private readonly RequestPacer _pacer = new(options.TimeProvider, options.MinRequestInterval);
    private readonly Backoff _backoff = new(options.BackoffBase, options.Jitter ?? Random.Shared);

    public async Task<CloudEnvelope> SendAsync(CloudCall call, string? token, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await _pacer.WaitTurnAsync(call.PaceKey, call.PaceInterval, cancellationToken);
            var outcome = await SendOnceAsync(call, token, attempt, cancellationToken);
            if (outcome.Envelope is { } envelope)
            {
                return envelope;
            }

            if (attempt >= options.MaxRetries || outcome.RetryAfter is null)
            {
                throw outcome.Failure!;
            }

            logger.LogInformation("FranklinWH cloud {Endpoint}: {Reason}; retrying in {Delay} (attempt {Attempt} of {Max})",
                call.Endpoint, outcome.Failure!.Message, outcome.RetryAfter, attempt + 1, options.MaxRetries);
            await Task.Delay(outcome.RetryAfter.Value, options.TimeProvider, cancellationToken);
        }
    }

    /// <summary>Either an envelope, or a failure plus (when worth retrying) how long to wait first.</summary>
    private sealed record Outcome(CloudEnvelope? Envelope, Exception? Failure, TimeSpan? RetryAfter);

    private async Task<Outcome> SendOnceAsync(CloudCall call, string? token, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = BuildRequest(call, token);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            body = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = new TimeoutException($"FranklinWH cloud {call.Endpoint}: no answer within {options.RequestTimeout.TotalSeconds:0} s.");
            return new Outcome(null, failure, TransientDelay(call, attempt));
        }
        catch (HttpRequestException ex)
        {
            var failure = new HttpRequestException($"FranklinWH cloud {call.Endpoint}: {ex.Message}", ex);
            return new Outcome(null, failure, TransientDelay(call, attempt));
        }

        using (response)
        {
            return Interpret(call, response, body, attempt);
        }
    }

    private Outcome Interpret(CloudCall call, HttpResponseMessage response, string body, int attempt)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfterOf(response) ?? _backoff.DelayFor(attempt);
            var failure = new CloudRateLimitedException(call.Endpoint, wait);
            return new Outcome(null, failure, wait <= options.MaxRetryAfter ? wait : null);
        }

        var envelope = CloudEnvelope.TryParse(body);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The body may or may not be an envelope; either way it means "log in again".
            return new Outcome(new CloudEnvelope(CloudErrorCodes.Unauthorized, envelope?.Message, default, false), null, null);
        }

        if ((int)response.StatusCode >= 500)
        {
            var failure = new CloudApiException((int)response.StatusCode, $"FranklinWH cloud {call.Endpoint}: server error HTTP {(int)response.StatusCode}.");
            return new Outcome(null, failure, TransientDelay(call, attempt));
        }

        if (envelope is null)
        {
            var failure = new CloudApiException((int)response.StatusCode,
                $"FranklinWH cloud {call.Endpoint}: HTTP {(int)response.StatusCode} without a FranklinWH answer; is the base URL right?");
            return new Outcome(null, failure, null);
        }

        return new Outcome(envelope, null, null);
    }

    private TimeSpan? TransientDelay(CloudCall call, int attempt) => call.Idempotent ? _backoff.DelayFor(attempt) : null;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>A JSON body of known length: sent with Content-Length, never chunked.</summary>
    public static HttpContent JsonBody(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private HttpRequestMessage BuildRequest(CloudCall call, string? token)
    {
        var request = new HttpRequestMessage(call.Method, new Uri(options.BaseUri, call.RelativeUri));
        if (call.Body is { } body)
        {
            request.Content = body();
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("loginToken", token);
        }

        request.Headers.TryAddWithoutValidation("softwareversion", options.SoftwareVersion);
        request.Headers.TryAddWithoutValidation("optsource", "3");
        request.Headers.TryAddWithoutValidation("lang", "en_US");
        return request;
    }
}
