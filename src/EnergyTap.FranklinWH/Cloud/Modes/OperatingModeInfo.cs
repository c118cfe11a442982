namespace EnergyTap.FranklinWH.Cloud.Modes;

/// <summary>
/// The account's modes (getGatewayTouListV2). <see cref="ActiveProfileId"/> is the cloud's <c>currendId</c>: it
/// differs per account and is always read, never assumed.
/// </summary>
public sealed record OperatingModeInfo(long? ActiveProfileId, IReadOnlyList<ModeProfile> Profiles)
{
    public ModeProfile? Active => Profiles.FirstOrDefault(p => p.Id == ActiveProfileId);
    public WorkMode? ActiveMode => Active?.WorkMode;
    public double? ReserveSoc => Active?.ReserveSoc;
}
