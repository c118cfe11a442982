namespace EnergyTap.FranklinWH.Cloud.Storm;

/// <summary>
/// Storm Hedge (weather/getStormSetting): whether the aGate charges ahead of severe weather, how many minutes before a
/// storm it starts holding charge (advanceBackupTime), and the notice settings. Null = the cloud did not say.
/// </summary>
public sealed record StormSetting(bool? Enabled, int? AdvanceBackupMinutes, bool? NoticeEnabled, int? AdvanceNoticeTime, int UpcomingStorms);
