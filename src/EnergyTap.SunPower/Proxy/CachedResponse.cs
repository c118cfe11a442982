using System.Net;

namespace EnergyTap.SunPower.Proxy;

/// <summary>An upstream answer kept for other clients: status, content type and body.</summary>
internal sealed record CachedResponse(HttpStatusCode Status, string? ContentType, byte[] Body);
