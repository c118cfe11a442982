using EnergyTap.Server.Control;
using EnergyTap.Server.Devices;

namespace EnergyTap.Server.Tests.Service;

/// <summary>A battery that records every write, and can be told to refuse or be unreachable.</summary>
public sealed class FakeBattery(string site = "home", string id = "agate") : IBatteryController
{
    public DeviceDescriptor Device { get; } = new(site, id, DeviceKind.Agate, id, "Test", "Fake");
    public BatteryLimits Limits { get; set; } = new(5000, 5000, 20);
    public double? Soc { get; set; } = 60;
    public List<string> Writes { get; } = [];
    public Exception? ApplyFailure { get; set; }
    public Exception? ReleaseFailure { get; set; }
    public Action? OnApply { get; set; }

    public Task<BatteryLimits> ReadLimitsAsync(CancellationToken cancellationToken) => Task.FromResult(Limits);

    public Task<double?> ReadSocPercentAsync(CancellationToken cancellationToken) => Task.FromResult(Soc);

    public Task ApplyAsync(ActiveCommand command, CancellationToken cancellationToken)
    {
        var (kind, watts) = (command.Kind, command.Watts);
        OnApply?.Invoke();
        if (ApplyFailure is not null)
        {
            throw ApplyFailure;
        }

        lock (Writes) { Writes.Add($"{kind} {watts}"); }
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (ReleaseFailure is not null)
        {
            throw ReleaseFailure;
        }

        lock (Writes) { Writes.Add("release"); }
        return Task.CompletedTask;
    }
}

/// <summary>The journal kept in memory, as the database would keep it.</summary>
public sealed class MemoryJournal : ICommandJournal
{
    public List<ActiveCommand> Issued { get; } = [];
    public Dictionary<string, string> Ended { get; } = [];
    public List<string> Audit { get; } = [];

    public Task<string> RecordIssuedAsync(ActiveCommand command, CancellationToken cancellationToken)
    {
        lock (this)
        {
            var stored = command with { Id = command.Id.Length > 0 ? command.Id : $"c{Issued.Count + 1}" };
            Issued.Add(stored);
            return Task.FromResult(stored.Id);
        }
    }

    public Task RecordEndedAsync(string commandId, DateTimeOffset endedAt, string outcome, CancellationToken cancellationToken)
    {
        lock (this) { Ended[commandId] = outcome; }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ActiveCommand>> ActiveAsync(CancellationToken cancellationToken)
    {
        lock (this) { return Task.FromResult<IReadOnlyList<ActiveCommand>>(Issued.Where(c => !Ended.ContainsKey(c.Id)).ToList()); }
    }

    public Task AuditAsync(DateTimeOffset time, string actor, string action, string detail, CancellationToken cancellationToken)
    {
        lock (this) { Audit.Add($"{actor} {action} {detail}"); }
        return Task.CompletedTask;
    }
}
