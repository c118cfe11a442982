using System.Net;

namespace EnergyTap.SunPower.Proxy;

/// <summary>An upstream answer kept for other clients: status, content type, body, and whether it needed a session.</summary>
internal sealed record CachedResponse(HttpStatusCode Status, string? ContentType, byte[] Body, bool NeededSession);
