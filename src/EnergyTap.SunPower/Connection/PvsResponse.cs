using System.Net;

namespace EnergyTap.SunPower;

/// <summary>One raw HTTP answer from the PVS, fully read (the PVS closes slowly; we never stream from it).</summary>
public sealed record PvsResponse(HttpStatusCode Status, byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
