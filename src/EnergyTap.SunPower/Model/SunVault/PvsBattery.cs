namespace EnergyTap.SunPower.Model;

/// <summary>One SunVault battery module (TYPE BATTERY), two per cabinet; not individually addressable.</summary>
public sealed record PvsBattery : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.Battery;

    public string? Interface => Field("interface");
}
