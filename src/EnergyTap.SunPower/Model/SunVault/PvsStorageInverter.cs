namespace EnergyTap.SunPower.Model;

/// <summary>SunVault storage inverter/charger (TYPE SCHNEIDER-XWPRO); dl_cgi gives no metrics.</summary>
public sealed record PvsStorageInverter : PvsDevice
{
    public override PvsDeviceKind Kind => PvsDeviceKind.StorageInverter;
}
