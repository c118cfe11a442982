using EnergyTap.FranklinWH.Agate;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Revert;

namespace EnergyTap.FranklinWH.Tests.Agate;

public sealed class RevertStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("energytap-revert-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string StatePath => Path.Combine(directory, "nested", "state.json");

    [Fact]
    public async Task Records_survive_a_new_store_instance_and_are_keyed_by_device()
    {
        var first = new RevertStore(StatePath);
        await first.SaveAsync(new ActiveCommandRecord("a:502/1", BatteryCommand.Charge(2000), -40, Now, Now.AddSeconds(60), 1234));
        await first.SaveAsync(new ActiveCommandRecord("b:502/1", BatteryCommand.Discharge(1000), 20, Now, null, 1234));
        await first.SaveAsync(new ActiveCommandRecord("a:502/1", BatteryCommand.Charge(3000), -60, Now, Now.AddSeconds(90), 1234));

        var second = new RevertStore(StatePath);
        var a = await second.GetAsync("a:502/1");
        Assert.NotNull(a);
        Assert.Equal(BatteryCommand.Charge(3000), a.Command);
        Assert.False(a.IsExpired(Now.AddSeconds(89)));
        Assert.True(a.IsExpired(Now.AddSeconds(90)));
        Assert.Equal(2, (await second.ListAsync()).Count);

        await second.RemoveAsync("a:502/1");
        Assert.Null(await first.GetAsync("a:502/1"));
        Assert.Null((await first.GetAsync("b:502/1"))!.Deadline);
    }

    [Fact]
    public async Task The_owner_is_kept_and_a_file_from_before_owners_still_reads()
    {
        var store = new RevertStore(StatePath);
        await store.SaveAsync(new ActiveCommandRecord("a:502", BatteryCommand.Charge(2000), -40, Now, Now.AddMinutes(5), 77, "EnergyTap server (process 77), command 3 from api:127.0.0.1"));
        var saved = (await new RevertStore(StatePath).GetAsync("a:502"))!;
        Assert.Equal("EnergyTap server (process 77), command 3 from api:127.0.0.1", saved.HeldBy);
        Assert.Equal(Now.AddMinutes(5), saved.Deadline);

        await File.WriteAllTextAsync(StatePath, """
            {"version":1,"commands":[{"device":"b:502","command":{"kind":"Discharge","watts":1000},"wSetPct":20,"issuedAt":"2026-06-21T12:00:00+00:00","deadline":null,"processId":1234}]}
            """);
        var old = (await new RevertStore(StatePath).GetAsync("b:502"))!;
        Assert.Null(old.Owner);
        Assert.Equal("energytap process 1234", old.HeldBy);
    }

    [Fact]
    public async Task The_file_is_replaced_atomically_and_leaves_no_temp_files()
    {
        var store = new RevertStore(StatePath);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            store.SaveAsync(new ActiveCommandRecord($"dev{i}", BatteryCommand.Idle, 0, Now, null, i))));

        Assert.Equal(20, (await store.ListAsync()).Count);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(StatePath)!, "*.tmp"));
    }

    [Fact]
    public async Task A_corrupt_file_gives_a_clear_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        await File.WriteAllTextAsync(StatePath, "{ not json");
        var error = await Assert.ThrowsAsync<CommandStateCorruptException>(() => new RevertStore(StatePath).ListAsync());
        Assert.StartsWith($"the command state file {StatePath} is corrupt (", error.Message, StringComparison.Ordinal);
        Assert.Equal(StatePath, error.FilePath);
        Assert.DoesNotContain("energytap", error.Message.Replace(StatePath, "", StringComparison.Ordinal), StringComparison.Ordinal); // the CLI names its own command
        Assert.IsAssignableFrom<AgateException>(error);
    }
}
