using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyTap.Server.Control;
using EnergyTap.Server.Hosting;
using EnergyTap.Server.Polling;
using EnergyTap.Server.PowerFlows;
using EnergyTap.Server.Readings;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Api;

// The REST contract: what the API answers and what ControlClient reads, declared once for both sides.

/// <summary>GET /api/health.</summary>
public sealed record HealthReport(string Status, DateTimeOffset Time, FleetView? Fleet, IReadOnlyList<PollerHealth> Pollers);

/// <summary>This instance's place in a fleet: its id and the sites it holds the lease of.</summary>
public sealed record FleetView(string Instance, IReadOnlyList<string> OwnedSites);

/// <summary>GET /api/control: which batteries the server commands, what runs now, and what other clients hold.</summary>
public sealed record ControlState(bool Enabled, IReadOnlyList<string> Batteries, double MaxDurationSeconds, IReadOnlyList<RemoteCommand> Active)
{
    public IReadOnlyList<ForeignCommand> Others { get; init; } = [];
}

/// <summary>A command as the server's supervisor holds it.</summary>
public sealed record RemoteCommand(
    string Id, string Site, string Device, BatteryCommandKind Kind, double Watts,
    DateTimeOffset IssuedAt, DateTimeOffset Deadline, double RemainingSeconds, string Actor)
{
    public static RemoteCommand From(ActiveCommand c, DateTimeOffset now) => new(
        c.Id, c.Site, c.Device, c.Kind, c.Watts, c.IssuedAt, c.Deadline, Math.Round(c.Remaining(now).TotalSeconds), c.Actor);
}

/// <summary>A command the registers show that this server does not hold; <see cref="RegisterWatts"/> keeps the register's sign.</summary>
public sealed record ForeignCommand(
    string Site, string Device, BatteryCommandKind Kind, double? Watts, double? RegisterWatts, string HeldBy,
    DateTimeOffset? Deadline, DateTimeOffset ObservedAt);

/// <summary>DELETE /api/control/{site}/{device}.</summary>
public sealed record RemoteRelease(bool Released, bool HadCommand);

/// <summary>One server-sent event of /api/stream: everything the dashboard redraws.</summary>
public sealed record LiveUpdate(
    DateTimeOffset Time, IReadOnlyList<PowerFlow> Flows, IReadOnlyList<Reading> Readings,
    IReadOnlyList<RemoteCommand> Control, IReadOnlyList<ForeignCommand> OtherControl, IReadOnlyList<PollerHealth> Health);

/// <summary>The API's JSON: web defaults (camelCase), enums as camelCase strings, NaN/∞ allowed, source-generated metadata.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to an options instance (the web host's own).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ControlState))]
[JsonSerializable(typeof(RemoteCommand))]
[JsonSerializable(typeof(RemoteRelease))]
[JsonSerializable(typeof(LiveUpdate))]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(IReadOnlyList<SiteInfo>))]
[JsonSerializable(typeof(PowerFlow))]
[JsonSerializable(typeof(IReadOnlyList<Reading>))]
[JsonSerializable(typeof(IReadOnlyList<HistoryPoint>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
