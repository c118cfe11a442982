using System.Collections.Concurrent;
using System.Globalization;

namespace EnergyTap.Server.Tests.Infrastructure;

/// <summary>One message seen by mosquitto_sub.</summary>
public sealed record ReceivedMessage(string Topic, string Payload, bool Retained, int QualityOfService);

/// <summary>
/// A real mosquitto_sub (Debian package 'mosquitto-clients') used as an independent witness of what reached
/// the broker. Prints every message as MSG|retain|qos|topic|payload; its debug lines reveal the SUBACK.
/// </summary>
public sealed class MosquittoSubscriber : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private PeerProcess? _process;
    private volatile bool _subscribed;

    private MosquittoSubscriber()
    {
    }

    /// <summary>Messages in arrival order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    public static async Task<MosquittoSubscriber> StartAsync(string host, int port, IEnumerable<string> topics)
    {
        var subscriber = new MosquittoSubscriber();
        List<string> arguments = ["-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-d", "-F", "MSG|%r|%q|%t|%p"];
        foreach (var topic in topics)
        {
            arguments.Add("-t");
            arguments.Add(topic);
        }

        subscriber._process = PeerProcess.Start("mosquitto_sub", "mosquitto-clients", arguments, subscriber.OnLine, lineBuffered: true);
        await Eventually.UntilAsync(() => subscriber._subscribed || subscriber._process.HasExited, "mosquitto_sub to subscribe");
        if (!subscriber._subscribed)
        {
            Assert.Fail("mosquitto_sub exited:\n" + string.Join('\n', subscriber._process.Lines));
        }

        return subscriber;
    }

    /// <summary>Messages on exactly <paramref name="topic"/>.</summary>
    public IReadOnlyList<ReceivedMessage> On(string topic) => [.. _messages.Where(m => m.Topic == topic)];

    /// <summary>Waits (bounded) until <paramref name="count"/> messages arrived on <paramref name="topic"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(string topic, int count = 1, TimeSpan? timeout = null)
    {
        await Eventually.UntilAsync(() => On(topic).Count >= count, $"{count} message(s) on {topic}; got: {Describe()}", timeout);
        return On(topic);
    }

    /// <summary>Waits (bounded) for a message on <paramref name="topic"/> with <paramref name="payload"/>.</summary>
    public async Task<ReceivedMessage> WaitForPayloadAsync(string topic, string payload, TimeSpan? timeout = null)
    {
        await Eventually.UntilAsync(() => On(topic).Any(m => m.Payload == payload), $"'{payload}' on {topic}; got: {Describe()}", timeout);
        return On(topic).Last(m => m.Payload == payload);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private string Describe() => string.Join("; ", _messages.Select(m => $"{m.Topic}={m.Payload}"));

    private void OnLine(string line)
    {
        if (line.StartsWith("Subscribed (mid", StringComparison.Ordinal))
        {
            _subscribed = true;
        }
        else if (line.StartsWith("MSG|", StringComparison.Ordinal))
        {
            var parts = line.Split('|', 5);
            _messages.Enqueue(new ReceivedMessage(parts[3], parts[4], parts[1] == "1", int.Parse(parts[2], CultureInfo.InvariantCulture)));
        }
    }
}
