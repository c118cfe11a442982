using Microsoft.AspNetCore.Http;

namespace EnergyTap.SunPower.Proxy;

/// <summary>Which requests the proxy answers from its cache, and with which refresh window.</summary>
internal enum ProxyCacheClass
{
    None,
    DeviceList,
    Varserver,

    /// <summary>supervisor/info: serial, model and build change only with a firmware update; every client asks it first.</summary>
    Static,
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

        if (trimmed.Equals("/cgi-bin/dl_cgi/supervisor/info", StringComparison.OrdinalIgnoreCase))
        {
            return (ProxyCacheClass.Static, "supervisor/info");
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

    /// <summary>The LocalAPI login/logout, which the proxy answers itself.</summary>
    public static bool IsAuth(string path) => path.TrimEnd('/').Equals("/auth", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Requests a LocalAPI session can matter for: /vars and the REST-style dl_cgi paths. Not the legacy
    /// Command=… requests, which LocalAPI firmware refuses with 403 even with a session (logging in would not help).
    /// </summary>
    public static bool MayNeedSession(string path, string query)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Equals("/vars", StringComparison.OrdinalIgnoreCase)
            || (trimmed.StartsWith("/cgi-bin/dl_cgi/", StringComparison.OrdinalIgnoreCase) && !ParseQuery(query).ContainsKey("command"));
    }

    /// <summary>A /vars request that changes a variable: ?set=… or a POSTed form with set=….</summary>
    public static bool IsVarsWrite(string method, string path, string query, byte[]? body)
    {
        if (!path.TrimEnd('/').Equals("/vars", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return ParseQuery(query).ContainsKey("set")
            || (!HttpMethods.IsGet(method) && body is not null && ParseQuery(System.Text.Encoding.UTF8.GetString(body)).ContainsKey("set"));
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
