using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.Server.Fleet;

/// <summary>
/// This instance's place in a fleet: renews its site leases every third of a lease, claims its fair share, and
/// answers <see cref="Owns"/> from what the last successful round granted. A lease counts only until the expiry
/// this instance wrote, so an instance cut off from the database stops polling when its leases run out, which is
/// exactly when another instance may take them over.
/// </summary>
public sealed class FleetMembership : ISiteOwnership, IAsyncDisposable
{
    private readonly SiteLeases _leases;
    private readonly IReadOnlyList<string> _sites;
    private readonly FleetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _roundGate = new(1, 1);
    private volatile FleetStatus _status;
    private Task _loop = Task.CompletedTask;
    private int _stopped;

    public FleetMembership(SiteLeases leases, IEnumerable<string> sites, FleetOptions options, TimeProvider time, ILogger<FleetMembership>? logger = null)
    {
        _leases = leases;
        _sites = sites.Distinct(StringComparer.Ordinal).ToList();
        _options = options;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _status = new FleetStatus(options.InstanceId, options.Lease, new Dictionary<string, DateTimeOffset>(), [], 0, null, null, 0);
    }

    public string InstanceId => _options.InstanceId;

    /// <summary>The state after the last round, for /api/fleet and metrics.</summary>
    public FleetStatus Status => _status;

    /// <summary>The sites held right now (leases past their expiry are left out).</summary>
    public IReadOnlyList<string> OwnedSites
    {
        get
        {
            var now = _time.GetUtcNow();
            return _status.Owned.Where(o => o.Value > now).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        }
    }

    public bool Owns(string site) => _status.Owned.TryGetValue(site, out var until) && _time.GetUtcNow() < until;

    public string? OwnerOf(string site)
    {
        var now = _time.GetUtcNow();
        return _status.Leases.FirstOrDefault(l => l.Site == site) is { Owner: { } owner } lease && owner != InstanceId && lease.ExpiresAt > now
            ? owner
            : null;
    }

    /// <summary>Runs the first round (so the service starts with its share, and a database it cannot reach fails the start), then keeps renewing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RenewNowAsync(cancellationToken);
        var timer = new PeriodicTimer(_options.RenewEvery, _time); // armed now, so renewals keep step with the first round
        _loop = Task.Run(() => RenewLoopAsync(timer, _stop.Token), CancellationToken.None);
    }

    /// <summary>One renewal round now. Throws when the database cannot be used; the leases already held stay valid until they expire.</summary>
    public async Task RenewNowAsync(CancellationToken cancellationToken)
    {
        await _roundGate.WaitAsync(cancellationToken);
        try
        {
            var round = await _leases.RenewAsync(InstanceId, _sites, _time.GetUtcNow(), _options.Lease, cancellationToken);
            var before = _status;
            _status = before with
            {
                Owned = round.Owned,
                Leases = round.Leases,
                LiveInstances = round.LiveInstances,
                LastRenewal = _time.GetUtcNow(),
                LastError = null,
                Rounds = before.Rounds + 1,
            };
            LogChanges(before.Owned.Keys, round.Owned.Keys);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _status = _status with { LastError = ex.Message, Rounds = _status.Rounds + 1 };
            throw;
        }
        finally
        {
            _roundGate.Release();
        }
    }

    /// <summary>Stops renewing and hands every lease back at once, so the other instances take the sites over without waiting for expiry.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _leases.ReleaseAllAsync(InstanceId, _time.GetUtcNow(), timeout.Token);
            _status = _status with { Owned = new Dictionary<string, DateTimeOffset>() };
        }
#pragma warning disable CA1031 // Stopping must go on; the leases then simply expire.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Could not hand the site leases of {Instance} back; they expire within {Lease} s: {Error}",
                InstanceId, _options.Lease.TotalSeconds, ex.Message);
        }

        await _leases.DisposeAsync();
        _stop.Dispose();
        _roundGate.Dispose();
    }

    private async Task RenewLoopAsync(PeriodicTimer timer, CancellationToken stop)
    {
        using var owned = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await RenewNowAsync(stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning("Site lease renewal of {Instance} failed; held sites stay polled until their leases expire: {Error}",
                        InstanceId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void LogChanges(IEnumerable<string> before, IEnumerable<string> after)
    {
        var gained = after.Except(before).ToList();
        var lost = before.Except(after).ToList();
        if (gained.Count > 0 || lost.Count > 0)
        {
            _logger.LogInformation("Fleet instance {Instance} took over [{Gained}] and handed back [{Lost}]",
                InstanceId, string.Join(", ", gained), string.Join(", ", lost));
        }
    }
}

/// <summary>This instance's view of the fleet after its last lease round.</summary>
public sealed record FleetStatus(
    string Instance,
    TimeSpan Lease,
    IReadOnlyDictionary<string, DateTimeOffset> Owned,
    IReadOnlyList<SiteLease> Leases,
    int LiveInstances,
    DateTimeOffset? LastRenewal,
    string? LastError,
    long Rounds);
