namespace EnergyTap.Server.Configuration;

/// <summary>
/// The whole service configuration: one JSON file (see <see cref="ConfigTemplate"/>) plus environment
/// overrides such as <c>ENERGYTAP_Mqtt__Password</c>. Mutable classes because the .NET binder fills them.
/// </summary>
public sealed class EnergyTapConfig
{
    public ServerConfig Server { get; set; } = new();
    public StorageConfig Storage { get; set; } = new();
    public MqttConfig Mqtt { get; set; } = new();
    public ProxyConfig Proxy { get; set; } = new();
    public FleetConfig Fleet { get; set; } = new();
    public List<SiteConfig> Sites { get; set; } = [];
}

public sealed class ServerConfig
{
    /// <summary>Address and port of the API and dashboard. Loopback unless you mean otherwise.</summary>
    public string Listen { get; set; } = "127.0.0.1:8080";

    /// <summary>Bearer token the control endpoints require. Without one, control is disabled.</summary>
    public string? ControlToken { get; set; }

    /// <summary>The longest a battery command may run before the supervisor reverts it.</summary>
    public int MaxCommandMinutes { get; set; } = 240;
}

public sealed class StorageConfig
{
    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite file; empty means the default data directory.</summary>
    public string? Path { get; set; }

    /// <summary>Npgsql connection string when Provider is "postgres".</summary>
    public string? Postgres { get; set; }

    public int RawRetentionDays { get; set; } = 7;
}

public sealed class MqttConfig
{
    public bool Enabled { get; set; }
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1883;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string TopicPrefix { get; set; } = "energytap";
    public string DiscoveryPrefix { get; set; } = "homeassistant";
}

public sealed class ProxyConfig
{
    public bool Enabled { get; set; }

    /// <summary>The PVS to put the polite cache in front of, e.g. http://172.27.153.1.</summary>
    public string? Upstream { get; set; }
    public string Listen { get; set; } = "127.0.0.1:8081";
}

/// <summary>Several services sharing one PostgreSQL database, each site polled by exactly one of them.</summary>
public sealed class FleetConfig
{
    public bool Enabled { get; set; }

    /// <summary>Unique per running instance; empty means hostname-pid.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How long a site stays with an instance that stopped renewing (it renews every third of this).</summary>
    public int LeaseSeconds { get; set; } = 30;
}

public sealed class SiteConfig
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public List<PvsConfig> Pvs { get; set; } = [];
    public List<AgateConfig> Agates { get; set; } = [];
    public List<CloudConfig> Cloud { get; set; } = [];
}

public sealed class PvsConfig
{
    public string Id { get; set; } = "pvs";

    /// <summary>Host, host:port or http(s) URL of the PVS (or of a proxy in front of it).</summary>
    public string Address { get; set; } = "";

    /// <summary>PVS serial number; its last 5 characters are the LocalAPI password on 2025+ firmware.</summary>
    public string? Serial { get; set; }
    public string? Password { get; set; }

    /// <summary>The slow, heavy DeviceList: never faster than 120 s (a PVS polled harder crashes).</summary>
    public int DeviceListSeconds { get; set; } = 120;

    /// <summary>Cached varserver queries (livedata, meters) on LocalAPI firmware.</summary>
    public int LiveSeconds { get; set; } = 10;
}

public sealed class AgateConfig
{
    public string Id { get; set; } = "agate";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 502;
    public int Unit { get; set; } = 1;
    public int PollSeconds { get; set; } = 5;

    /// <summary>A discharge is refused when the state of charge is at or below this.</summary>
    public double ReserveSocPercent { get; set; } = 20;
}

public sealed class CloudConfig
{
    public string Id { get; set; } = "cloud";
    public string BaseUrl { get; set; } = "https://energy.franklinwh.com/";
    public string? Email { get; set; }

    /// <summary>Better set through ENERGYTAP_Sites__0__Cloud__0__Password than in the file.</summary>
    public string? Password { get; set; }
    public string? GatewayId { get; set; }
    public int PollSeconds { get; set; } = 30;
}
