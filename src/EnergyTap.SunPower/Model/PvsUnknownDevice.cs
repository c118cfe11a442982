namespace EnergyTap.SunPower.Model;

/// <summary>A device type this library does not know yet; every field is still in Fields.</summary>
public sealed record PvsUnknownDevice : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.Unknown;
}
