using Microsoft.AspNetCore.Http;

namespace EnergyTap.SunPower.Proxy;

/// <summary>Which requests the proxy answers from its cache, and with which refresh window.</summary>
internal enum ProxyCacheClass
{
    None,
    DeviceList,
    Varserver,
}

internal static class ProxyRoute
{
    /// <summary>Classifies a request; the cache key is the normalized path and query.</summary>
    public static (ProxyCacheClass Class, string Key) Classify(string method, string path, string query)
    {
        if (!HttpMethods.IsGet(method))
        {
            return (ProxyCacheClass.None, "");
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed.Equals("/cgi-bin/dl_cgi", StringComparison.OrdinalIgnoreCase)
            && query.Contains("command=devicelist", StringComparison.OrdinalIgnoreCase)
            && ParseQuery(query).TryGetValue("command", out var command)
            && command.Equals("DeviceList", StringComparison.OrdinalIgnoreCase))
        {
            return (ProxyCacheClass.DeviceList, "DeviceList");
        }

        if (trimmed.Equals("/cgi-bin/dl_cgi/devices/list", StringComparison.OrdinalIgnoreCase))
        {
            return (ProxyCacheClass.DeviceList, "devices/list" + query.ToLowerInvariant());
        }

        if (trimmed.Equals("/vars", StringComparison.OrdinalIgnoreCase) && !ParseQuery(query).ContainsKey("set"))
        {
            return (ProxyCacheClass.Varserver, "vars" + query);
        }

        return (ProxyCacheClass.None, "");
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            result[key] = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
        }

        return result;
    }
}
