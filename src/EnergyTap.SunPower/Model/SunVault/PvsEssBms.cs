namespace EnergyTap.SunPower.Model;

/// <summary>SunVault battery management system (TYPE EQUINOX-BMS); dl_cgi gives no metrics.</summary>
public sealed record PvsEssBms : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.EssBms;
}
