namespace EnergyTap.FranklinWH.Cloud.Modes;

/// <summary>One entry of getGatewayTouListV2's list: a mode with its own reserve SoC and allowed range.</summary>
public sealed record ModeProfile(long Id, WorkMode? WorkMode, string? Name, double? ReserveSoc, double? MinSoc, double? MaxSoc);
