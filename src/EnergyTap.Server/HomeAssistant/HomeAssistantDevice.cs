namespace EnergyTap.Server.HomeAssistant;

/// <summary>How a device appears in Home Assistant's device registry.</summary>
/// <param name="Name">Display name, e.g. "Home aGate".</param>
/// <param name="Manufacturer">e.g. "FranklinWH" or "SunPower".</param>
/// <param name="Model">e.g. "aGate X" or "PVS6".</param>
/// <param name="SerialNumber">Optional serial number shown in Home Assistant.</param>
/// <param name="SoftwareVersion">Optional firmware version.</param>
public sealed record HomeAssistantDevice(
    string Name,
    string Manufacturer,
    string Model,
    string? SerialNumber = null,
    string? SoftwareVersion = null);
