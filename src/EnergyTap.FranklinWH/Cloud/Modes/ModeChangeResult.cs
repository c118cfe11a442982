namespace EnergyTap.FranklinWH.Cloud.Modes;

/// <summary>Whether a mode or reserve change took effect, or was queued (code 176) until the aGate is back online.</summary>
public enum ModeChangeResult
{
    Applied,
    QueuedUntilOnline,
}
