namespace EnergyTap.Server.Devices;

/// <summary>What kind of thing a device is; decides its adapter, its dashboard card and its HA device block.</summary>
public enum DeviceKind
{
    PvsSupervisor,
    Agate,
    FranklinCloud,
}

/// <summary>Identity of one configured device, as the API, metrics and MQTT name it.</summary>
public sealed record DeviceDescriptor(
    string Site,
    string Id,
    DeviceKind Kind,
    string Name,
    string Manufacturer,
    string Model)
{
    public string? Serial { get; init; }
}
