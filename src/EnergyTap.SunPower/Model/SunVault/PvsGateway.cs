namespace EnergyTap.SunPower.Model;

/// <summary>SunVault Conext Gateway (TYPE GATEWAY): ties the battery system together; no metrics, only its SunSpec port and MAC.</summary>
public sealed record PvsGateway : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.Gateway;

    public string? MacAddress => Field("mac_address");
}
