using EnergyTap.FranklinWH.Cloud.Accessories;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Generator;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Tests.Cloud;

public class FeatureTests
{
    [Fact]
    public async Task Generator_info_and_mode_switch()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var before = await client.GetGeneratorInfoAsync(CloudTestBed.Gw1);
        await client.SetGeneratorModeAsync(CloudTestBed.Gw1, GeneratorMode.Manual);
        var after = await client.GetGeneratorInfoAsync(CloudTestBed.Gw1);

        Assert.Equal(GeneratorMode.Auto, before.Mode);
        Assert.Equal("Standby / OFF", before.StatusText);
        Assert.Equal(GeneratorMode.Manual, after.Mode);
        Assert.Equal(2, bed.Simulator.Gateway(CloudTestBed.Gw1).GeneratorManuSw);
    }

    [Fact]
    public async Task Generator_calls_without_a_generator_module_are_181()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var ex = await Assert.ThrowsAsync<CloudApiException>(() => bed.Client().SetGeneratorModeAsync(CloudTestBed.Gw2, GeneratorMode.Auto));

        Assert.Equal(CloudErrorCodes.NotProvisioned, ex.Code);
    }

    [Fact]
    public async Task Generator_live_power_comes_from_cmdType_353_option_3()
    {
        await using var bed = await CloudTestBed.StartAsync();
        bed.Simulator.SetOffGrid(CloudTestBed.Gw1, true);

        var power = await bed.Client().GetGeneratorPowerAsync(CloudTestBed.Gw1);

        Assert.Equal(new EnergyTap.FranklinWH.Cloud.Mqtt.GeneratorPower(3.5, 240.1, 14.6, 60.0), power);
        Assert.Equal(353, bed.Simulator.LastMqttFrame!.CmdType);
    }

    [Theory]
    [InlineData(CloudTestBed.Gw1, true, true, "v2lModeEnable=1")]
    [InlineData(CloudTestBed.Gw2, false, true, "v2lModeEnable=1")]
    [InlineData(CloudTestBed.Gw3, true, false, "does not report V2L")]
    public async Task Discovery_follows_the_hardware_table(string gateway, bool hasGenerator, bool v2l, string note)
    {
        await using var bed = await CloudTestBed.StartAsync();

        var snapshot = await bed.Client().DiscoverAsync(gateway);

        Assert.Equal(hasGenerator, snapshot.HasGenerator);
        Assert.True(snapshot.HasSmartCircuits);
        Assert.Equal(v2l, snapshot.V2lEligible);
        Assert.Contains(note, snapshot.V2lNote, StringComparison.Ordinal);
        Assert.All(snapshot.Accessories, a => Assert.DoesNotContain("Unknown", a.Description, StringComparison.Ordinal));
        Assert.All(snapshot.Accessories, a => Assert.Contains(a.Type, new[] { AccessoryCatalog.Generator, AccessoryCatalog.SmartCircuits }));
        Assert.Equal(1, bed.Simulator.RequestCount("getAccessoryList"));
    }

    [Fact]
    public async Task Discovery_reads_hardware_version_batteries_and_generator_flag_from_device_info()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var snapshot = await bed.Client().DiscoverAsync(CloudTestBed.Gw1);

        Assert.Equal("102", snapshot.HardwareVersion);
        Assert.True(snapshot.GeneratorEnabled);
        Assert.Equal(0, snapshot.OffGridFlag);
        var battery = Assert.Single(snapshot.Batteries);
        Assert.StartsWith("APW", battery.Serial, StringComparison.Ordinal);
        Assert.Equal(5000, battery.RatedPowerW);
        Assert.Equal(13600, battery.RatedCapacityWh);
    }

    [Fact]
    public async Task Gateway_list_gives_firmware_as_version_and_the_hardware_code_apart()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var gateway = (await bed.Client().GetGatewaysAsync()).First(g => g.Id == CloudTestBed.Gw1);

        Assert.Equal("V10R01B04D00", gateway.Version);
        Assert.Equal("102", gateway.HardwareVersion);
    }

    [Fact]
    public async Task Login_result_names_the_role_it_acts_as()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var login = await bed.Client().LoginAsync();

        Assert.Equal(0, login.CurrentType);
        Assert.Equal([0], login.UserTypes);
        Assert.NotNull(login.UserId);
    }

    [Theory]
    [InlineData(new[] { 202 }, false, "need Generator Module V1")]
    [InlineData(new[] { 202, 203 }, false, "Generator Module V2 (203) has no V2L port")]
    [InlineData(new[] { 203 }, false, "no Smart Circuits")]
    [InlineData(new int[0], false, "no Smart Circuits")]
    [InlineData(new[] { 201, 202 }, true, "CarSW")]
    [InlineData(new[] { 3, 4 }, false, "does not report V2L")]
    [InlineData(new[] { 3 }, false, "no Smart Circuits")]
    public void V2l_eligibility_table(int[] types, bool eligible, string note)
    {
        var result = V2lEligibility.Evaluate(types);

        Assert.Equal(eligible, result.Eligible);
        Assert.Contains(note, result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Accessory_kinds_with_the_gateways_v2l_flag_are_eligible() =>
        Assert.True(V2lEligibility.Evaluate([AccessoryCatalog.SmartCircuits], v2lModeEnable: true).Eligible);

    [Fact]
    public void Accessory_catalog_knows_the_skus() =>
        Assert.Equal(["ACCY-GENV1-US", "ACCY-GENV2-US", "ACCY-GENV1-AU"], new[] { 201, 203, 301 }.Select(AccessoryCatalog.SkuOf));

    [Fact]
    public async Task Smart_circuits_read_and_switch_with_read_modify_write()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var before = await client.GetSmartCircuitsAsync(CloudTestBed.Gw1);
        var after = await client.SetSmartCircuitAsync(CloudTestBed.Gw1, 2, on: true);

        Assert.Equal(3, before.ModeChoose);
        Assert.Equal([true, false, false], before.Circuits.Select(c => c.IsOn!.Value));
        Assert.Equal("V2L / Car", before.Circuits[2].Name);
        Assert.Equal([true, true, false], after.Circuits.Select(c => c.IsOn!.Value));
        Assert.Equal([true, true, false], bed.Simulator.Gateway(CloudTestBed.Gw1).CircuitsOn);
        Assert.Contains("\"Sw2MsgType\":1", bed.Simulator.LastMqttFrame!.DataArea, StringComparison.Ordinal);
        Assert.Contains("\"Sw2ProLoad\":0", bed.Simulator.LastMqttFrame.DataArea, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuit_3_is_not_a_plain_smart_circuit()
    {
        await using var bed = await CloudTestBed.StartAsync();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bed.Client().SetSmartCircuitAsync(CloudTestBed.Gw1, 3, true));

        Assert.Contains("V2L", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Simulator.RequestCount("sendMqtt"));
    }

    [Fact]
    public async Task Span_setting_is_read()
    {
        await using var bed = await CloudTestBed.StartAsync();

        Assert.False(await bed.Client().GetSpanSettingAsync(CloudTestBed.Gw1));
        Assert.Equal(1, bed.Simulator.RequestCount("getSpanSetting"));
    }

    [Fact]
    public async Task Operating_mode_uses_the_accounts_own_profile_ids()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        var info = await client.GetOperatingModeAsync(CloudTestBed.Gw1);
        var result = await client.SetOperatingModeAsync(CloudTestBed.Gw1, WorkMode.EmergencyBackup, backupMinutes: 120);
        var after = await client.GetOperatingModeAsync(CloudTestBed.Gw1);

        Assert.Equal(WorkMode.SelfConsumption, info.ActiveMode);
        Assert.DoesNotContain(info.Profiles, p => p.Id is >= 0 and <= 3);
        Assert.Equal(ModeChangeResult.Applied, result);
        Assert.Equal(WorkMode.EmergencyBackup, after.ActiveMode);
        Assert.Equal(3, bed.Simulator.Gateway(CloudTestBed.Gw1).WorkMode);
        Assert.Equal(120, bed.Simulator.Gateway(CloudTestBed.Gw1).BackupMinutes);
    }

    [Theory]
    [InlineData(WorkMode.EmergencyBackup, 29)]
    [InlineData(WorkMode.EmergencyBackup, 4321)]
    [InlineData(WorkMode.SelfConsumption, 60)]
    public async Task Backup_duration_outside_30_to_4320_minutes_is_refused_before_sending(WorkMode mode, int minutes)
    {
        await using var bed = await CloudTestBed.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bed.Client().SetOperatingModeAsync(CloudTestBed.Gw1, mode, minutes));

        Assert.Equal(0, bed.Simulator.RequestCount("updateTouModeV2"));
    }

    [Fact]
    public async Task Reserve_soc_is_set_on_the_active_mode_and_range_checked()
    {
        await using var bed = await CloudTestBed.StartAsync();
        var client = bed.Client();

        await client.SetReserveSocAsync(CloudTestBed.Gw1, 35);
        var info = await client.GetOperatingModeAsync(CloudTestBed.Gw1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SetReserveSocAsync(CloudTestBed.Gw1, 150));

        Assert.Equal(35, info.ReserveSoc);
        Assert.Equal(35, bed.Simulator.Gateway(CloudTestBed.Gw1).ReserveSoc);
        Assert.Equal(1, bed.Simulator.RequestCount("updateSocV2"));
    }

    [Fact]
    public void Mode_names_parse_both_ways()
    {
        Assert.True(WorkModeNames.TryParse("Self-Consumption", out var self));
        Assert.True(WorkModeNames.TryParse("tou", out var tou));
        Assert.False(WorkModeNames.TryParse("vpp", out _));
        Assert.Equal((WorkMode.SelfConsumption, WorkMode.TimeOfUse), (self, tou));
        Assert.Equal("emergency-backup", WorkModeNames.Name(WorkMode.EmergencyBackup));
    }
}
