namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>GENERATOR_STATE: what runtimeData.genStat means.</summary>
public static class GeneratorStates
{
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [0] = "Standby / OFF",
        [1] = "Running / ON",
        [2] = "Cooldown",
        [3] = "Fault",
    };

    public static string Describe(int? genStat) => StateNames.Describe(Names, genStat);
}
