namespace EnergyTap.SunPower.Model;

/// <summary>What a device is, across both API generations (DEVICE_TYPE on dl_cgi, the /sys/devices/&lt;type&gt; on varserver).</summary>
public enum PvsDeviceKind
{
    Unknown,
    Supervisor,
    PowerMeter,
    Inverter,
    HubPlus,
    EssHub,
    PvDisconnect,
    Gateway,
    StorageInverter,
    EssBms,
    Battery,
    EnergyStorageSystem,
}

/// <summary>STATE as the PVS reports it. Inverters are "error" at night or in heavy shade, which is normal.</summary>
public enum PvsDeviceState
{
    Unknown,
    Working,
    Error,
    Other,
}

/// <summary>Which meter a Power Meter is: production (serial/model/TYPE end in p) or consumption (c).</summary>
public enum PvsMeterRole
{
    Unknown,
    Production,
    Consumption,
}
