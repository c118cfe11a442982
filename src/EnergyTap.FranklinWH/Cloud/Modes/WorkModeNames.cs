namespace EnergyTap.FranklinWH.Cloud.Modes;

/// <summary>The names users type for a work mode, and the one we print.</summary>
public static class WorkModeNames
{
    private static readonly Dictionary<string, WorkMode> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tou"] = WorkMode.TimeOfUse,
        ["time-of-use"] = WorkMode.TimeOfUse,
        ["self"] = WorkMode.SelfConsumption,
        ["self-consumption"] = WorkMode.SelfConsumption,
        ["backup"] = WorkMode.EmergencyBackup,
        ["emergency-backup"] = WorkMode.EmergencyBackup,
    };

    public static IReadOnlyCollection<string> Accepted => Aliases.Keys;

    public static bool TryParse(string text, out WorkMode mode) => Aliases.TryGetValue(text.Trim(), out mode);

    public static string Name(WorkMode mode) => mode switch
    {
        WorkMode.TimeOfUse => "time-of-use",
        WorkMode.SelfConsumption => "self-consumption",
        WorkMode.EmergencyBackup => "emergency-backup",
        _ => $"workMode {(int)mode}",
    };
}
