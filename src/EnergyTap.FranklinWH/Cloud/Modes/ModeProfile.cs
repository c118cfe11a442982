namespace EnergyTap.FranklinWH.Cloud.Modes;

/// <summary>
/// One entry of getGatewayTouListV2's list: a mode with its own reserve SoC and allowed range. <see cref="Id"/> is
/// what runtimeData.mode and currendId report; <see cref="OldIndex"/> the mode's slot in the app's older list.
/// </summary>
public sealed record ModeProfile(long Id, WorkMode? WorkMode, string? Name, double? ReserveSoc, double? MinSoc, double? MaxSoc)
{
    public int? OldIndex { get; init; }

    /// <summary>editSocFlag: false when the cloud does not let this mode's reserve be changed; null when not said.</summary>
    public bool? ReserveEditable { get; init; }

    public int? ElectricityType { get; init; }
}
