using System.Net;

namespace EnergyTap.Server.Configuration;

/// <summary>Finds every mistake in a configuration at once, each named by its JSON path.</summary>
public static class ConfigValidator
{
    public static IReadOnlyList<string> Validate(EnergyTapConfig config)
    {
        var errors = new List<string>();
        CheckEndpoint(errors, "server.listen", config.Server.Listen, anyFreePort: true);
        if (config.Server.MaxCommandMinutes is < 1 or > 24 * 60)
        {
            errors.Add("server.maxCommandMinutes: must be between 1 and 1440");
        }

        if (config.Storage.Provider is not ("sqlite" or "postgres"))
        {
            errors.Add($"storage.provider: \"{config.Storage.Provider}\" is not one of sqlite, postgres");
        }
        else if (config.Storage.Provider == "postgres" && string.IsNullOrWhiteSpace(config.Storage.Postgres))
        {
            errors.Add("storage.postgres: a connection string is required when storage.provider is postgres");
        }

        if (config.Storage.RawRetentionDays < 1)
        {
            errors.Add("storage.rawRetentionDays: must be at least 1");
        }

        if (config.Mqtt.Enabled)
        {
            Require(errors, "mqtt.host", config.Mqtt.Host);
            CheckPort(errors, "mqtt.port", config.Mqtt.Port);
        }

        if (config.Proxy.Enabled)
        {
            CheckPvsAddress(errors, "proxy.upstream", config.Proxy.Upstream);
            CheckEndpoint(errors, "proxy.listen", config.Proxy.Listen, anyFreePort: true);
        }

        if (config.Fleet.Enabled)
        {
            ValidateFleet(errors, config);
        }

        if (config.Sites.Count == 0)
        {
            errors.Add("sites: at least one site is needed");
        }

        var siteIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < config.Sites.Count; s++)
        {
            ValidateSite(errors, $"sites[{s}]", config.Sites[s], siteIds);
        }

        return errors;
    }

    private static void ValidateFleet(List<string> errors, EnergyTapConfig config)
    {
        if (config.Storage.Provider != "postgres")
        {
            errors.Add("fleet.enabled: a fleet needs storage.provider postgres (the instances share their site leases there)");
        }

        if (config.Fleet.LeaseSeconds is < 5 or > 600)
        {
            errors.Add($"fleet.leaseSeconds: {config.Fleet.LeaseSeconds} must be between 5 and 600");
        }

        var id = config.Fleet.InstanceId;
        if (!string.IsNullOrEmpty(id) && (id.Length > 100 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add($"fleet.instanceId: \"{id}\" must be up to 100 letters, digits, '-', '_' or '.' (or empty for hostname-pid)");
        }
    }

    private static void ValidateSite(List<string> errors, string path, SiteConfig site, HashSet<string> siteIds)
    {
        CheckId(errors, $"{path}.id", site.Id);
        if (!siteIds.Add(site.Id))
        {
            errors.Add($"{path}.id: \"{site.Id}\" is used by another site");
        }

        var deviceIds = new HashSet<string>(StringComparer.Ordinal);
        void Device(string devicePath, string id)
        {
            CheckId(errors, $"{devicePath}.id", id);
            if (!deviceIds.Add(id))
            {
                errors.Add($"{devicePath}.id: \"{id}\" is used by another device of this site");
            }
        }

        if (site.Pvs.Count + site.Agates.Count + site.Cloud.Count == 0)
        {
            errors.Add($"{path}: has no devices (add pvs, agates or cloud)");
        }

        for (var i = 0; i < site.Pvs.Count; i++)
        {
            var p = site.Pvs[i];
            var at = $"{path}.pvs[{i}]";
            Device(at, p.Id);
            Require(errors, $"{at}.address", p.Address);
            if (p.DeviceListSeconds < 60)
            {
                errors.Add($"{at}.deviceListSeconds: {p.DeviceListSeconds} is too fast; a PVS polled harder than every 60 s (120 s recommended) can crash");
            }

            if (p.LiveSeconds < 5)
            {
                errors.Add($"{at}.liveSeconds: must be at least 5");
            }
        }

        for (var i = 0; i < site.Agates.Count; i++)
        {
            var a = site.Agates[i];
            var at = $"{path}.agates[{i}]";
            Device(at, a.Id);
            Require(errors, $"{at}.host", a.Host);
            CheckPort(errors, $"{at}.port", a.Port);
            if (a.Unit is < 1 or > 247)
            {
                errors.Add($"{at}.unit: must be between 1 and 247");
            }

            if (a.PollSeconds < 1)
            {
                errors.Add($"{at}.pollSeconds: must be at least 1");
            }

            if (a.ReserveSocPercent is < 0 or > 100)
            {
                errors.Add($"{at}.reserveSocPercent: must be between 0 and 100");
            }
        }

        for (var i = 0; i < site.Cloud.Count; i++)
        {
            var c = site.Cloud[i];
            var at = $"{path}.cloud[{i}]";
            Device(at, c.Id);
            CheckUrl(errors, $"{at}.baseUrl", c.BaseUrl);
            Require(errors, $"{at}.email", c.Email);
            if (string.IsNullOrEmpty(c.Password))
            {
                // Logging in with an empty password again and again is how an account gets locked.
                errors.Add($"{at}.password: is required (in the file or in the environment variable {EnvironmentName(at)}__Password)");
            }
            if (c.PollSeconds < 10)
            {
                errors.Add($"{at}.pollSeconds: must be at least 10 (the app itself polls every 10 s; faster risks a lockout)");
            }
        }
    }

    /// <summary>"sites[0].cloud[1]" → "ENERGYTAP_Sites__0__Cloud__1", the environment variable prefix that overrides it.</summary>
    private static string EnvironmentName(string path) =>
        "ENERGYTAP_" + string.Join("__", path.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static void Require(List<string> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: is required");
        }
    }

    private static void CheckId(List<string> errors, string path, string id)
    {
        if (string.IsNullOrEmpty(id) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"{path}: \"{id}\" must be letters, digits, '-' or '_' (it names MQTT topics and metric labels)");
        }
    }

    private static void CheckPort(List<string> errors, string path, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{path}: {port} is not a port (1–65535)");
        }
    }

    /// <summary>A PVS (or bridge): a URL, or a host / host:port whose generation is detected.</summary>
    private static void CheckPvsAddress(List<string> errors, string path, string? address)
    {
        try
        {
            _ = EnergyTap.SunPower.PvsEndpoint.Parse(address ?? "");
        }
        catch (ArgumentException)
        {
            errors.Add($"{path}: \"{address}\" is not a host, host:port or http(s) URL");
        }
    }

    private static void CheckUrl(List<string> errors, string path, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"{path}: \"{url}\" is not an http(s) URL");
        }
    }

    /// <param name="anyFreePort">Port 0 lets the system choose; serve prints the address it got.</param>
    private static void CheckEndpoint(List<string> errors, string path, string? endpoint, bool anyFreePort = false)
    {
        if (!IPEndPoint.TryParse(endpoint ?? "", out var parsed) || (parsed.Port == 0 && !anyFreePort))
        {
            errors.Add($"{path}: \"{endpoint}\" is not an address:port such as 127.0.0.1:8080");
        }
    }
}
