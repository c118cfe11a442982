using System.Collections.Concurrent;

namespace EnergyTap.FranklinWH.Tests.Cloud;

/// <summary>Passes requests on to the network and keeps what the client sent: method, path, query, body and its length header.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public sealed record Sent(HttpMethod Method, string Path, string Query, string? ContentType, long? ContentLength, bool Chunked, byte[]? Body);

    public ConcurrentQueue<Sent> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        long? length = null;
        if (request.Content is { } content)
        {
            // Read the length before the body: a content that cannot say its length in advance is sent chunked.
            length = content.Headers.ContentLength;
            body = await content.ReadAsByteArrayAsync(cancellationToken);
        }

        Requests.Enqueue(new Sent(request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, request.Content?.Headers.ContentType?.MediaType,
            length, request.Headers.TransferEncodingChunked == true, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
