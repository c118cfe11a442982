namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>What the battery should do. Watts are always positive; the kind says the direction.</summary>
public sealed record BatteryCommand(BatteryCommandKind Kind, int Watts)
{
    public static BatteryCommand Charge(int watts) => new(BatteryCommandKind.Charge, watts);
    public static BatteryCommand Discharge(int watts) => new(BatteryCommandKind.Discharge, watts);
    public static BatteryCommand Idle { get; } = new(BatteryCommandKind.Idle, 0);

    public override string ToString() => Kind == BatteryCommandKind.Idle ? "idle" : $"{Kind.ToString().ToLowerInvariant()} {Watts} W";
}

public enum BatteryCommandKind
{
    Idle,
    Charge,
    Discharge,
}
