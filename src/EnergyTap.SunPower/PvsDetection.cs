using EnergyTap.SunPower.Model;

namespace EnergyTap.SunPower;

/// <summary>
/// What detection learned about a PVS: the API generation, where each API answered (a bridge may serve the
/// LocalAPI over plain http), supervisor/info when the firmware has it, and the serial when the PVS told it.
/// </summary>
public sealed record PvsDetection(PvsGeneration Generation, PvsEndpoint Endpoint, PvsSupervisorInfo? Info, string? Serial);
