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

    /// <summary>stromEn: Storm Hedge is on.</summary>
    public bool? StormHedgeEnabled { get; init; }

    /// <summary>backupForeverFlag: emergency backup holds until changed (no timer).</summary>
    public bool? BackupForever { get; init; }

    /// <summary>nextWorkMode: the workMode the gateway returns to after a timed backup.</summary>
    public int? NextWorkMode { get; init; }

    public int? StopMode { get; init; }

    /// <summary>tariffSettingFlag: a tariff is configured (the app asks for one before time of use).</summary>
    public bool? TariffConfigured { get; init; }

    /// <summary>The profile runtimeData.mode names (its value is a profile id, the same number as currendId).</summary>
    public ModeProfile? ProfileWithId(long? id) => Profiles.FirstOrDefault(p => p.Id == id);
}
