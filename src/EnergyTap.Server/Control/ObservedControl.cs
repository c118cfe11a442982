using EnergyTap.FranklinWH.Agate.Control;
namespace EnergyTap.Server.Control;

/// <summary>
/// What a battery's own control registers said at its last poll, whoever wrote them: a `sequence run`, mbpoll or
/// the CLI may hold the battery while this server's supervisor has no command. <see cref="Watts"/> is in the
/// battery's sign (negative = charging). <see cref="HeldBy"/> names the EnergyTap process that recorded the command,
/// or is null when no EnergyTap record explains it (another Modbus client).
/// </summary>
public sealed record ObservedControl(DateTimeOffset At, bool Enabled, double? Watts, string? HeldBy, DateTimeOffset? Deadline, bool HeldByThisServer)
{
    public static string AnotherClient => "another Modbus client";

    /// <summary>A command this server's supervisor does not hold, or null.</summary>
    public bool IsForeign => Enabled && !HeldByThisServer;

    public BatteryCommandKind Kind => Watts switch
    {
        < 0 => BatteryCommandKind.Charge,
        > 0 => BatteryCommandKind.Discharge,
        _ => BatteryCommandKind.Idle,
    };
}
