namespace EnergyTap.FranklinWH.Cloud.Generator;

/// <summary>manuSw as seed 000 reads it: 1 = auto-schedule (starts on outage/threshold), 2 = manual (only when started in the app).</summary>
public enum GeneratorMode
{
    Auto = 1,
    Manual = 2,
}
