using EnergyTap.Server.Adapters;
using EnergyTap.Server.Control;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.Storage.Postgres;
using EnergyTap.Server.Tests.Infrastructure;
using EnergyTap.Server.Tests.Service;
using EnergyTap.Server.Tests.Storage;
using Npgsql;
using Eventually = EnergyTap.Server.Tests.Infrastructure.Eventually;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Tests.Fleet;

/// <summary>
/// An instance dies in the middle of a timed battery command: the survivor takes its sites over once the lease
/// has run out (not before) and releases the command at its deadline, from the shared journal in PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FleetTakeoverTests(PostgresServer server)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _time = new();
    private readonly string[] _sites = ["north", "south"];

    private FleetMembership Member(string connectionString, string id) =>
        new(SiteLeases.Open(connectionString), _sites, new FleetOptions { InstanceId = id, Lease = Lease }, _time);

    private CommandSupervisor Supervisor(PostgresReadingStore store, FleetMembership ownership, params FakeBattery[] batteries) =>
        new(batteries, new LedgerCommandJournal(store), _time, ownership: ownership);

    [Fact]
    public async Task A_killed_instances_timed_command_is_released_on_time_by_the_instance_that_takes_its_site_over()
    {
        var database = await FleetDatabase.CreateAsync(server);
        await using var store = await PostgresReadingStore.OpenAsync(database);
        var relay = new TcpRelay(server.Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(database) { Port = relay.Port, Timeout = 3 }.ConnectionString;

        // Instance b runs alone and starts a two-minute charge on south.
        var killedSouth = new FakeBattery("south", "agate");
        await using var b = Member(viaRelay, "b");
        await b.StartAsync(default);
        var bSupervisor = Supervisor(store, b, new FakeBattery("north", "agate"), killedSouth);
        await bSupervisor.StartAsync(default);
        var command = await bSupervisor.IssueAsync(new BatteryCommandRequest("south", "agate", BatteryCommandKind.Charge, 2000, TimeSpan.FromMinutes(2)), "api", default);
        var deadline = command.Deadline;

        // b is killed: its network is gone, nothing is released, nothing is handed back.
        await bSupervisor.DisposeAsync();
        await relay.DisposeAsync();

        var survivorSouth = new FakeBattery("south", "agate");
        await using var a = Member(database, "a");
        await a.StartAsync(default);
        await using var aSupervisor = Supervisor(store, a, new FakeBattery("north", "agate"), survivorSouth);
        await aSupervisor.StartAsync(default);
        Assert.Empty(a.OwnedSites);
        Assert.Equal("b", a.OwnerOf("south"));

        // Up to just before b's lease runs out, a renews but takes nothing and leaves the command alone.
        await _time.AdvanceAsync(TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => a.Status.Rounds >= 3, "a's renewals at 10 s and 20 s");
        Assert.Empty(a.OwnedSites);
        Assert.Empty(aSupervisor.Active);
        var refused = await Assert.ThrowsAsync<ControlRefusedException>(() => aSupervisor.IssueAsync(
            new BatteryCommandRequest("south", "agate", BatteryCommandKind.Idle, 0, TimeSpan.FromMinutes(1)), "api", default));
        Assert.Contains("fleet instance b", refused.Message);

        // At the lease's end a takes both sites and picks the command up from the journal.
        await _time.AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => a.OwnedSites.Count == 2, "a holding both sites after b's lease expired");
        await _time.AdvanceAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => aSupervisor.Active.Count == 1, "a watching b's command");
        Assert.Equal(command.Id, aSupervisor.Active[0].Id);
        Assert.Equal(deadline, aSupervisor.Active[0].Deadline);

        var untilJustBefore = deadline - _time.GetUtcNow() - TimeSpan.FromSeconds(1);
        await _time.AdvanceAsync(untilJustBefore, TimeSpan.FromSeconds(1));
        Assert.Empty(survivorSouth.Writes);

        await _time.AdvanceAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => survivorSouth.Writes.Contains("release"), "a releasing south at the command's deadline");
        await Eventually.UntilAsync(async () => (await store.OpenCommandsAsync()).Count == 0, "the journal showing the command ended");
        Assert.Equal(["Charge 2000"], killedSouth.Writes);
    }
}
