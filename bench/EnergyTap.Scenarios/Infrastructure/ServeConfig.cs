using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyTap.Scenarios.Infrastructure;

/// <summary>Writes the configuration file a measured `energytap serve` runs from.</summary>
internal static class ServeConfig
{
    /// <summary>The storage section: a SQLite file, or a PostgreSQL connection string.</summary>
    public static JsonObject Storage(string? sqlitePath, string? postgres) => postgres is null
        ? new JsonObject { ["provider"] = "sqlite", ["path"] = sqlitePath }
        : new JsonObject { ["provider"] = "postgres", ["postgres"] = postgres };

    public static JsonObject Pvs(Uri url, int deviceListSeconds, int liveSeconds, string? serial = null) => new()
    {
        ["id"] = "pvs",
        ["address"] = $"{url.Host}:{url.Port}",
        ["serial"] = serial ?? "",
        ["deviceListSeconds"] = deviceListSeconds,
        ["liveSeconds"] = liveSeconds,
    };

    public static JsonObject Agate(IPEndPoint endpoint, int pollSeconds) => new()
    {
        ["id"] = "agate",
        ["host"] = endpoint.Address.ToString(),
        ["port"] = endpoint.Port,
        ["unit"] = 1,
        ["pollSeconds"] = pollSeconds,
    };

    /// <summary>Writes the file and returns its path and the API's base URL.</summary>
    public static (string Path, Uri Api) Write(string directory, JsonObject storage, JsonArray sites)
    {
        var port = FreePort.Next();
        var config = new JsonObject
        {
            ["server"] = new JsonObject { ["listen"] = $"127.0.0.1:{port}" },
            ["storage"] = storage,
            ["sites"] = sites,
        };
        var path = System.IO.Path.Combine(directory, "energytap.json");
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return (path, new Uri($"http://127.0.0.1:{port}/"));
    }
}
