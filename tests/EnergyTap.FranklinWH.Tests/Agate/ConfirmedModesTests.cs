using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Modes;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Tests.Agate;

public sealed class ConfirmedModesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("energytap-modes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Pairs_seen_together_are_confirmed_and_a_contradiction_forgets_both_sides()
    {
        var (modes, first) = ConfirmedModes.None.Observe(2, WorkMode.SelfConsumption);
        (modes, var again) = modes.Observe(2, WorkMode.SelfConsumption);
        (modes, var second) = modes.Observe(1, WorkMode.TimeOfUse);

        Assert.Equal([ModeObservation.Confirmed, ModeObservation.AlreadyConfirmed, ModeObservation.Confirmed], [first, again, second]);
        Assert.Equal(2, modes.RawOf(WorkMode.SelfConsumption));
        Assert.Equal(WorkMode.TimeOfUse, modes.ModeOf(1));
        Assert.Null(modes.RawOf(WorkMode.EmergencyBackup));

        // 2 now seen with time of use: 2 (was self) and 1 (was time of use) are both in doubt.
        var (doubted, outcome) = modes.Observe(2, WorkMode.TimeOfUse);
        Assert.Equal(ModeObservation.Contradicted, outcome);
        Assert.Empty(doubted.ByRaw);
    }

    [Fact]
    public async Task The_store_keeps_each_aGate_apart_and_a_corrupt_file_is_one_plain_error()
    {
        var store = new ConfirmedModeStore(Path.Combine(_directory, "sub", "agate-modes.json"));
        await store.SaveAsync("AG1", ConfirmedModes.None.Observe(2, WorkMode.SelfConsumption).Updated);
        await store.SaveAsync("AG2", ConfirmedModes.None.Observe(1, WorkMode.SelfConsumption).Updated);

        Assert.Equal(2, (await store.LoadAsync("AG1")).RawOf(WorkMode.SelfConsumption));
        Assert.Equal(1, (await store.LoadAsync("AG2")).RawOf(WorkMode.SelfConsumption));
        Assert.Empty((await store.LoadAsync("AG3")).ByRaw);
        Assert.Contains("\"SelfConsumption\"", await File.ReadAllTextAsync(store.Path), StringComparison.Ordinal);

        await File.WriteAllTextAsync(store.Path, "{ not json");
        var error = await Assert.ThrowsAsync<AgateException>(() => store.LoadAsync("AG1"));
        Assert.Contains("is corrupt", error.Message, StringComparison.Ordinal);
    }
}
