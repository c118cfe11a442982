using System.Collections.Concurrent;
using EnergyTap.Server.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using EnergyTap.FranklinWH.Agate.Control;

namespace EnergyTap.Server.Control;

/// <summary>
/// The only writer to a battery. It checks limits before anything is written, journals each command
/// with its revert deadline before touching the device, releases it at the deadline (checked every
/// second), and on start-up releases whatever outlived a previous process. In a fleet it commands and watches only
/// batteries of sites this instance holds the lease of, and when it takes a site over it picks up that site's open
/// commands from the shared journal, so a command of an instance that died is still released on time.
/// </summary>
public sealed class CommandSupervisor : IAsyncDisposable
{
    private readonly Dictionary<string, IBatteryController> _controllers;
    private readonly ConcurrentDictionary<string, ActiveCommand> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _deviceLocks = new(StringComparer.Ordinal);
    private readonly ICommandJournal _journal;
    private readonly TimeProvider _time;
    private readonly SupervisorOptions _options;
    private readonly ILogger _logger;
    private readonly ISiteOwnership _ownership;
    private readonly SemaphoreSlim _ownershipGate = new(1, 1);
    private readonly HashSet<string> _followedSites = new(StringComparer.Ordinal); // owned at the last check, commands loaded
    private readonly CancellationTokenSource _stop = new();
    private Task _watch = Task.CompletedTask;

    public CommandSupervisor(
        IEnumerable<IBatteryController> controllers,
        ICommandJournal journal,
        TimeProvider time,
        SupervisorOptions? options = null,
        ILogger<CommandSupervisor>? logger = null,
        ISiteOwnership? ownership = null)
    {
        _controllers = controllers.ToDictionary(c => Key(c.Device.Site, c.Device.Id), StringComparer.Ordinal);
        _journal = journal;
        _time = time;
        _options = options ?? new SupervisorOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownership = ownership ?? SingleInstance.Instance;
    }

    /// <summary>Raised whenever a command starts or ends, for live views.</summary>
    public event Action? Changed;

    public IReadOnlyList<ActiveCommand> Active => _active.Values.OrderBy(c => c.IssuedAt).ToList();

    public IReadOnlyCollection<string> Batteries => _controllers.Keys;

    /// <summary>
    /// Batteries whose registers, at their last poll, showed a command this supervisor does not hold: someone else
    /// (a `sequence run`, mbpoll, the CLI with --direct) writes to them, and the dashboard must not say "no command".
    /// </summary>
    public IReadOnlyList<(string Site, string Device, ObservedControl Observed)> Foreign =>
        _controllers
            .Where(c => !_active.ContainsKey(c.Key) && c.Value.LastObserved is { IsForeign: true })
            .Select(c => (Site: c.Value.Device.Site, Device: c.Value.Device.Id, Observed: c.Value.LastObserved!))
            .OrderBy(f => f.Site, StringComparer.Ordinal).ThenBy(f => f.Device, StringComparer.Ordinal)
            .ToList();

    /// <summary>The longest command accepted; every command needs a revert deadline within it.</summary>
    public TimeSpan MaxDuration => _options.MaxDuration;

    /// <summary>Releases commands whose deadline passed while no supervisor ran, then starts the deadline watch.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _followedSites.UnionWith(_controllers.Values.Select(c => c.Device.Site).Where(_ownership.Owns));
        foreach (var command in await _journal.ActiveAsync(cancellationToken))
        {
            if (!_ownership.Owns(command.Site))
            {
                continue; // another fleet instance watches it
            }

            var key = Key(command.Site, command.Device);
            if (command.Deadline <= _time.GetUtcNow() || !_controllers.ContainsKey(key))
            {
                _active[key] = command;
                await ReleaseExpiredAsync(command, "released at start-up: its deadline passed while EnergyTap was not running", cancellationToken);
            }
            else
            {
                _active[key] = command;
            }
        }

        _watch = Task.Run(() => WatchDeadlinesAsync(_stop.Token), CancellationToken.None);
    }

    public async Task<ActiveCommand> IssueAsync(BatteryCommandRequest request, string actor, CancellationToken cancellationToken)
    {
        var key = Key(request.Site, request.Device);
        if (!_controllers.TryGetValue(key, out var controller))
        {
            throw new ControlRefusedException($"no battery {request.Site}/{request.Device} is configured");
        }

        await RequireOwnedAsync(request.Site, cancellationToken);
        var watts = await CheckAsync(request, controller, cancellationToken);
        var gate = _deviceLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_active.TryRemove(key, out var previous))
            {
                await _journal.RecordEndedAsync(previous.Id, now, "superseded by a new command", cancellationToken);
            }

            var draft = new ActiveCommand("", request.Site, request.Device, request.Kind, watts, now, now + request.Duration, actor);
            var command = draft with { Id = await _journal.RecordIssuedAsync(draft, cancellationToken) }; // before the device is touched
            await _journal.AuditAsync(now, actor, "issue", Describe(command), cancellationToken);
            try
            {
                await controller.ApplyAsync(command, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await FailAsync(controller, command, ex);
                throw new ControlFailedException($"{request.Site}/{request.Device} did not take the command: {ex.Message}", ex);
            }

            _active[key] = command;
            Changed?.Invoke();
            return command;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends the device's command now. False when it had none.</summary>
    public async Task<bool> ReleaseAsync(string site, string device, string actor, CancellationToken cancellationToken)
    {
        var key = Key(site, device);
        if (!_controllers.TryGetValue(key, out var controller))
        {
            throw new ControlRefusedException($"no battery {site}/{device} is configured");
        }

        await RequireOwnedAsync(site, cancellationToken);
        var gate = _deviceLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await controller.ReleaseAsync(cancellationToken);
            var now = _time.GetUtcNow();
            await _journal.AuditAsync(now, actor, "release", $"{site}/{device}", cancellationToken);
            if (!_active.TryRemove(key, out var command))
            {
                return false;
            }

            await _journal.RecordEndedAsync(command.Id, now, $"released by {actor}", cancellationToken);
            Changed?.Invoke();
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Releases every active command. The service calls this when it stops cleanly, because nothing
    /// would watch the deadlines while it is down.
    /// </summary>
    public async Task ReleaseAllAsync(string reason, CancellationToken cancellationToken)
    {
        foreach (var command in Active)
        {
            await ReleaseExpiredAsync(command, reason, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        _stop.Dispose();
        _ownershipGate.Dispose();
        foreach (var gate in _deviceLocks.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<double> CheckAsync(BatteryCommandRequest request, IBatteryController controller, CancellationToken cancellationToken)
    {
        if (request.Duration <= TimeSpan.Zero || request.Duration > _options.MaxDuration)
        {
            throw new ControlRefusedException(
                $"duration must be between 1 s and {_options.MaxDuration.TotalMinutes:0} min; every battery command needs a revert deadline");
        }

        if (request.Kind == BatteryCommandKind.Idle)
        {
            return 0;
        }

        if (!double.IsFinite(request.Watts) || request.Watts <= 0)
        {
            throw new ControlRefusedException($"power must be a positive number of watts, not {request.Watts}");
        }

        var limits = await controller.ReadLimitsAsync(cancellationToken);
        var max = request.Kind == BatteryCommandKind.Charge ? limits.MaxChargeWatts : limits.MaxDischargeWatts;
        if (request.Watts > max)
        {
            throw new ControlRefusedException($"{request.Watts:0} W is beyond the battery's {request.Kind.ToString().ToLowerInvariant()} rating of {max:0} W");
        }

        if (request.Kind == BatteryCommandKind.Discharge)
        {
            var soc = await controller.ReadSocPercentAsync(cancellationToken)
                ?? throw new ControlRefusedException("the state of charge cannot be read, so a discharge is refused");
            if (soc <= limits.ReserveSocPercent)
            {
                throw new ControlRefusedException($"state of charge {soc:0.#} % is at or below the {limits.ReserveSocPercent:0.#} % reserve; discharge refused");
            }
        }

        return request.Watts;
    }

    private async Task FailAsync(IBatteryController controller, ActiveCommand command, Exception error)
    {
        string outcome;
        try
        {
            await controller.ReleaseAsync(CancellationToken.None);
            outcome = $"failed and released: {error.Message}";
        }
#pragma warning disable CA1031 // The original failure is what the caller must hear; this one is journalled.
        catch (Exception releaseError)
#pragma warning restore CA1031
        {
            // Keep it active so the deadline watch goes on trying to release it.
            _active[Key(command.Site, command.Device)] = command;
            outcome = $"failed: {error.Message}; release also failed: {releaseError.Message}";
            _logger.LogError(releaseError, "Could not release {Site}/{Device} after a failed command", command.Site, command.Device);
            await _journal.AuditAsync(_time.GetUtcNow(), "supervisor", "failed", $"{Describe(command)}: {outcome}", CancellationToken.None);
            return;
        }

        await _journal.RecordEndedAsync(command.Id, _time.GetUtcNow(), outcome, CancellationToken.None);
        await _journal.AuditAsync(_time.GetUtcNow(), "supervisor", "failed", $"{Describe(command)}: {outcome}", CancellationToken.None);
    }

    private async Task WatchDeadlinesAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.CheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await FollowOwnershipAsync(stop);
                foreach (var command in Active.Where(c => c.Deadline <= _time.GetUtcNow() && _ownership.Owns(c.Site)))
                {
                    await ReleaseExpiredAsync(command, "released at its deadline", stop);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReleaseExpiredAsync(ActiveCommand command, string outcome, CancellationToken cancellationToken)
    {
        var key = Key(command.Site, command.Device);
        var gate = _deviceLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!_active.TryGetValue(key, out var current) || current.Id != command.Id)
            {
                return; // released or superseded meanwhile
            }

            if (!_controllers.TryGetValue(key, out var controller))
            {
                _logger.LogError("Command {Id} for {Key} has expired but that battery is no longer configured; release it by hand", command.Id, key);
                return;
            }

            await controller.ReleaseAsync(cancellationToken);
            _active.TryRemove(key, out _);
            var now = _time.GetUtcNow();
            await _journal.RecordEndedAsync(command.Id, now, outcome, cancellationToken);
            await _journal.AuditAsync(now, "supervisor", "revert", $"{Describe(command)}: {outcome}", cancellationToken);
            Changed?.Invoke();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Stays active: the next tick tries again, so a battery that was briefly unreachable is still released.
            _logger.LogError(ex, "Could not release {Key} at its deadline; retrying", key);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Refuses a command for a site another fleet instance holds; picks up the site's journal first if it was just taken over.</summary>
    private async Task RequireOwnedAsync(string site, CancellationToken cancellationToken)
    {
        if (!_ownership.Owns(site))
        {
            throw new ControlRefusedException(_ownership.OwnerOf(site) is { } owner
                ? $"site {site} is run by fleet instance {owner}; send the command there"
                : $"site {site} is not run by this fleet instance ({_ownership.InstanceId}) right now; retry in a few seconds");
        }

        if (!_followedSites.Contains(site))
        {
            await FollowOwnershipAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Drops the commands of sites handed to another instance (it watches them now) and loads the open commands of
    /// sites taken over from the journal, so their deadlines are honoured here.
    /// </summary>
    private async Task FollowOwnershipAsync(CancellationToken cancellationToken)
    {
        await _ownershipGate.WaitAsync(cancellationToken);
        try
        {
            var sites = _controllers.Values.Select(c => c.Device.Site).Distinct(StringComparer.Ordinal).ToList();
            var lost = sites.Where(s => _followedSites.Contains(s) && !_ownership.Owns(s)).ToList();
            var gained = sites.Where(s => !_followedSites.Contains(s) && _ownership.Owns(s)).ToHashSet(StringComparer.Ordinal);
            foreach (var site in lost)
            {
                foreach (var command in _active.Values.Where(c => c.Site == site))
                {
                    _active.TryRemove(Key(command.Site, command.Device), out _);
                    _logger.LogInformation("Site {Site} moved to another fleet instance, which now watches command {Id}", site, command.Id);
                }

                _followedSites.Remove(site);
            }

            if (gained.Count > 0)
            {
                foreach (var command in (await _journal.ActiveAsync(cancellationToken)).Where(c => gained.Contains(c.Site)))
                {
                    _active[Key(command.Site, command.Device)] = command; // oldest first, so the newest open command wins
                    _logger.LogInformation("Took over site {Site} with open command {Id}, due {Deadline:u}", command.Site, command.Id, command.Deadline);
                }

                _followedSites.UnionWith(gained);
            }

            if (lost.Count > 0 || gained.Count > 0)
            {
                Changed?.Invoke();
            }
        }
#pragma warning disable CA1031 // A journal that cannot be read now is read at the next check; the watch must go on.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Could not follow the fleet's site leases: {Error}", ex.Message);
        }
        finally
        {
            _ownershipGate.Release();
        }
    }

    private static string Describe(ActiveCommand c) =>
        $"{c.Site}/{c.Device} {c.Kind.ToString().ToLowerInvariant()} {c.Watts:0} W until {c.Deadline:u} (command {c.Id})";

    private static string Key(string site, string device) => $"{site}/{device}";
}

public sealed record SupervisorOptions
{
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(4);

    /// <summary>How often deadlines are checked; a command is released at most this long after its deadline.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
