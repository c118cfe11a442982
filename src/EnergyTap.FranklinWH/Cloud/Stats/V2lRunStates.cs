namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>V2L_RUN_STATE: what runtimeData.v2lRunState (and 311's v2lRunState) means.</summary>
public static class V2lRunStates
{
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [0] = "Disabled",
        [1] = "Standby",
        [2] = "Discharging / Active",
        [3] = "Fault",
    };

    public static string Describe(int? v2lRunState) => StateNames.Describe(Names, v2lRunState);
}
