using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Tests.Cloud;

/// <summary>The mode list, reserve and Storm Hedge as the live cloud serves them.</summary>
public class TouTests
{
    private const string TouList = "hes-gateway/terminal/tou/getGatewayTouListV2?gatewayId=" + CloudTestBed.Gw1 + "&showType=1";

    [Fact]
    public async Task Tou_list_is_a_post_and_a_get_is_not_served()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();

        var get = await bed.SendRawAsync(HttpMethod.Get, TouList, token);
        var post = await bed.SendRawAsync(HttpMethod.Post, TouList, token);

        Assert.Equal(405, get.Status);
        Assert.Equal(200, post.Body!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mode_list_carries_old_index_edit_flag_storm_hedge_and_tariff_flag()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var info = await client.GetOperatingModeAsync(CloudTestBed.Gw1);

        Assert.Equal([1, 2, 3], info.Profiles.Select(p => p.OldIndex));
        Assert.Equal([true, true, true], info.Profiles.Select(p => p.ReserveEditable));
        Assert.All(info.Profiles, p => Assert.NotNull(p.ElectricityType));
        Assert.True(info.StormHedgeEnabled);
        Assert.True(info.TariffConfigured);
        Assert.False(info.BackupForever);
        Assert.Equal(0, info.StopMode);
    }

    [Fact]
    public async Task A_timed_backup_names_the_mode_it_returns_to()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        await client.SetOperatingModeAsync(CloudTestBed.Gw1, WorkMode.EmergencyBackup, backupMinutes: 60);
        var timed = await client.GetOperatingModeAsync(CloudTestBed.Gw1);
        await client.SetOperatingModeAsync(CloudTestBed.Gw1, WorkMode.EmergencyBackup);
        var forever = await client.GetOperatingModeAsync(CloudTestBed.Gw1);

        Assert.Equal((int)WorkMode.SelfConsumption, timed.NextWorkMode);
        Assert.False(timed.BackupForever);
        Assert.True(forever.BackupForever);
    }

    [Fact]
    public async Task Simulator_accepts_update_soc_without_currendId_for_the_mode_named_by_workMode()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var token = await bed.LoginTokenAsync();

        var answer = await bed.SendRawAsync(HttpMethod.Post, $"hes-gateway/terminal/tou/updateSocV2?gatewayId={CloudTestBed.Gw1}&workMode=1&soc=40", token);

        Assert.Equal(200, answer.Body!["code"]!.GetValue<int>());
        var info = await bed.Client().GetOperatingModeAsync(CloudTestBed.Gw1);
        Assert.Equal(40, info.Profiles.Single(p => p.WorkMode == WorkMode.TimeOfUse).ReserveSoc);
    }

    [Fact]
    public async Task A_reserve_the_cloud_marks_not_editable_is_refused_before_sending()
    {
        var account = new EnergyTap.Simulators.Cloud.SimulatedAccount("locked@energytap.invalid", "pw",
            [EnergyTap.Simulators.Cloud.SimulatedGateway.Bare("GW-LOCKED", "Locked") with { ReserveLockedWorkModes = [3] }]);
        await using var bed = await CloudTestBed.StartAsync(o => o with { Accounts = [account] });
        var client = bed.Client(email: account.Email, password: account.Password);

        var ex = await Assert.ThrowsAsync<CloudApiException>(() => client.SetReserveSocAsync("GW-LOCKED", 50, WorkMode.EmergencyBackup));

        Assert.Contains("editSocFlag", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Simulator.RequestCount("updateSocV2"));
    }

    [Fact]
    public async Task Storm_setting_is_read_by_equipNo()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var storm = await bed.Client().GetStormSettingAsync(CloudTestBed.Gw1);

        Assert.True(storm.Enabled);
        Assert.Equal(120, storm.AdvanceBackupMinutes);
        Assert.True(storm.NoticeEnabled);
        Assert.Equal(0, storm.UpcomingStorms);
        Assert.Equal(1, bed.Simulator.RequestCount("getStormSetting"));
    }
}
