using EnergyTap.Simulators.Pvs;
using EnergyTap.SunPower.Politeness;
using EnergyTap.SunPower.Tests.Simulator;

namespace EnergyTap.SunPower.Tests.Politeness;

/// <summary>
/// Politeness across processes: every PvsClient here has its own transport, gate and cache, as two CLI commands
/// in a row do; only the shared directory connects them. The simulator crashes (503) on back-to-back DeviceLists.
/// </summary>
public sealed class SharedCacheTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("energytap-shared-");

    public void Dispose() => _directory.Delete(recursive: true);

    private PvsClientOptions Options(SimulatedSite site, Action<string>? waiting = null) => site.ClientOptions() with
    {
        SharedCache = new PvsSharedCache(_directory.FullName),
        Waiting = waiting,
    };

    [Fact]
    public async Task Two_clients_in_a_row_cause_one_DeviceList_and_both_succeed()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy, Ess = true });

        await using (var info = await PvsClient.ConnectAsync(site.Address, Options(site)))
        {
            Assert.Equal(site.Pvs.Serial, (await info.GetDevicesAsync()).Supervisor!.Serial);
        }

        site.Time.Advance(TimeSpan.FromSeconds(5));
        await using (var devices = await PvsClient.ConnectAsync(site.Address, Options(site)))
        {
            var snapshot = await devices.GetDevicesAsync();
            Assert.Equal(12, snapshot.Inverters.Count());
            Assert.NotNull(snapshot.Battery.StateOfCharge); // the SunVault status travelled with the DeviceList
            Assert.Equal(SimulatedSite.SiteNoon, snapshot.FetchedAt); // when the PVS answered, not when this client asked
        }

        Assert.Equal(1, site.Pvs.Requests.DeviceLists);
        Assert.Equal(0, site.Pvs.Restarts);
        Assert.Equal(1, site.Pvs.Requests["/cgi-bin/dl_cgi/energy-storage-system/status"]);
    }

    [Fact]
    public async Task Without_the_shared_directory_the_second_client_knocks_the_PVS_over()
    {
        // The defect as users met it: the oracle for the test above.
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy });
        await using (var first = await site.ConnectAsync())
        {
            await first.GetDevicesAsync();
        }

        site.Time.Advance(TimeSpan.FromSeconds(5));
        await using var second = await site.ConnectAsync();
        var failure = await Assert.ThrowsAsync<PvsUnavailableException>(() => second.GetDevicesAsync());
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fresh_insists_on_a_new_read_but_waits_out_the_minimum_interval()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy });
        await using (var first = await PvsClient.ConnectAsync(site.Address, Options(site)))
        {
            await first.GetDevicesAsync();
        }

        site.Time.Advance(TimeSpan.FromSeconds(20));
        var told = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var second = await PvsClient.ConnectAsync(site.Address, Options(site, message => told.TrySetResult(message)));
        var read = second.GetDevicesAsync(fresh: true);

        var message = await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("waiting 40 s", message, StringComparison.Ordinal);
        Assert.False(read.IsCompleted);
        Assert.Equal(1, site.Pvs.Requests.DeviceLists);

        site.Time.Advance(TimeSpan.FromSeconds(39));
        await Task.Delay(50);
        Assert.Equal(1, site.Pvs.Requests.DeviceLists);
        site.Time.Advance(TimeSpan.FromSeconds(1));
        var snapshot = await read.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, site.Pvs.Requests.DeviceLists);
        Assert.Equal(SimulatedSite.SiteNoon.AddSeconds(60), snapshot.FetchedAt);
        Assert.Equal(0, site.Pvs.Restarts);

        // Not fresh: the new answer is shared again.
        await using var third = await PvsClient.ConnectAsync(site.Address, Options(site));
        Assert.Equal(snapshot.FetchedAt, (await third.GetDevicesAsync()).FetchedAt);
        Assert.Equal(2, site.Pvs.Requests.DeviceLists);
    }

    [Fact]
    public async Task Concurrent_clients_share_one_DeviceList_and_never_overlap_requests()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy });
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PvsClient.ConnectAsync(site.Address, Options(site))));
        try
        {
            site.Pvs.Requests.Reset();
            var snapshots = await Task.WhenAll(clients.Select(c => c.GetDevicesAsync()));
            Assert.All(snapshots, s => Assert.Equal(site.Pvs.Serial, s.Supervisor!.Serial));
            Assert.Equal(1, site.Pvs.Requests.DeviceLists);
            Assert.Equal(1, site.Pvs.Requests.MaxConcurrent);
            Assert.Equal(0, site.Pvs.Restarts);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_lock_lets_one_caller_in_at_a_time_and_the_second_waits_for_the_first()
    {
        var shared = new PvsSharedCache(_directory.FullName);
        var told = new List<string>();
        var first = await shared.LockAsync("pvs", "devicelist", TimeSpan.FromSeconds(30), null, CancellationToken.None);
        Assert.True(first.IsShared);
        var second = shared.LockAsync("pvs", "devicelist", TimeSpan.FromSeconds(30), told.Add, CancellationToken.None);

        await Task.Delay(700); // past the point where the waiting caller says so
        Assert.False(second.IsCompleted);
        Assert.Single(told);
        Assert.Contains("another EnergyTap process", told[0], StringComparison.Ordinal);

        first.Write("note", "from the first");
        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("from the first", held.Read("note"));

        // Another PVS has its own lock.
        using var other = await shared.LockAsync("other-pvs", "devicelist", TimeSpan.FromSeconds(1), null, CancellationToken.None);
        Assert.True(other.IsShared);
    }

    [Fact]
    public async Task A_backoff_one_client_started_holds_for_the_next_client()
    {
        await using var site = await SimulatedSite.StartAsync(new PvsSimulatorOptions { Firmware = PvsFirmware.Legacy });
        await using (var first = await PvsClient.ConnectAsync(site.Address, Options(site)))
        {
            site.Pvs.Reboot();
            await Assert.ThrowsAsync<PvsUnavailableException>(() => first.GetDevicesAsync());
        }

        var before = site.Pvs.Requests.Total;
        site.Time.Advance(TimeSpan.FromSeconds(5));
        var refused = await Assert.ThrowsAsync<PvsUnavailableException>(async () =>
        {
            await using var second = await PvsClient.ConnectAsync(site.Address, Options(site));
            await second.GetDevicesAsync();
        });
        Assert.Contains("not asking it again for 25 s", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, site.Pvs.Requests.Total);
    }

    [Fact]
    public async Task An_unwritable_directory_means_no_sharing_not_a_failure()
    {
        var file = Path.Combine(_directory.FullName, "a-file");
        File.WriteAllText(file, "");
        using var held = await new PvsSharedCache(Path.Combine(file, "below")).LockAsync("pvs", "requests", TimeSpan.FromSeconds(1), null, CancellationToken.None);
        Assert.False(held.IsShared);
    }
}
