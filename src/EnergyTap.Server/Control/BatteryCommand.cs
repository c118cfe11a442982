using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Control;

// The command's kind is the device's own BatteryCommandKind (FranklinWH.Agate.Control): one vocabulary from the
// register writes up to the API.

/// <summary>What a caller asks for: a power, and how long until the battery goes back to its own mode.</summary>
public sealed record BatteryCommandRequest(string Site, string Device, BatteryCommandKind Kind, double Watts, TimeSpan Duration);

/// <summary>A command the supervisor has accepted, with the deadline at which it will be released.</summary>
public sealed record ActiveCommand(
    string Id,
    string Site,
    string Device,
    BatteryCommandKind Kind,
    double Watts,
    DateTimeOffset IssuedAt,
    DateTimeOffset Deadline,
    string Actor)
{
    public TimeSpan Remaining(DateTimeOffset now) => Deadline > now ? Deadline - now : TimeSpan.Zero;
}

/// <summary>The physical limits a command is checked against before anything is written.</summary>
public sealed record BatteryLimits(double MaxChargeWatts, double MaxDischargeWatts, double ReserveSocPercent);
