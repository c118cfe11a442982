namespace EnergyTap.FranklinWH.Cloud.Modes;

/// <summary>The cloud's workMode numbers (tou/updateTouModeV2).</summary>
public enum WorkMode
{
    TimeOfUse = 1,
    SelfConsumption = 2,
    EmergencyBackup = 3,
}
