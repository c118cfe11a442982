using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace EnergyTap.SunPower.Tests.Support;

/// <summary>
/// An in-memory PVS: a handler that answers by path+query, counts every request, and can be told to fail,
/// hang or answer slowly. Routes map "path?query" prefixes (e.g. "/cgi-bin/dl_cgi?Command=DeviceList") to answers.
/// </summary>
public sealed class FakePvs : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private int _inFlight;
    private int _maxInFlight;

    public List<(string Prefix, Func<HttpRequestMessage, Task<HttpResponseMessage>> Answer)> Routes { get; } = [];

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public int Total => _counts.Values.Sum();

    /// <summary>Most requests that were in progress at once (politeness says 1).</summary>
    public int MaxInFlight => _maxInFlight;

    /// <summary>While set, every request waits for it (to let concurrent callers pile up).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Count(string prefix) => _counts.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    public FakePvs On(string prefix, Func<HttpRequestMessage, Task<HttpResponseMessage>> answer)
    {
        Routes.Insert(0, (prefix, answer));
        return this;
    }

    public FakePvs OnJson(string prefix, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(prefix, _ => Task.FromResult(Json(json, status)));

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage ServiceUnavailable() =>
        new(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>", Encoding.UTF8, "text/html"),
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.RequestUri!.PathAndQuery;
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Requests.Enqueue(request);
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            foreach (var (prefix, answer) in Routes)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return await answer(request).WaitAsync(cancellationToken);
                }
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("not found") };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
