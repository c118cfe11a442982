using EnergyTap.Server.Control;

namespace EnergyTap.Server.Api;

/// <summary>Body of POST /api/control/{site}/{device}.</summary>
public sealed record ControlRequest(BatteryCommandKind Kind, double Watts, int DurationSeconds);
