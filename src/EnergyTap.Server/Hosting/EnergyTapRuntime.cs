using EnergyTap.Server.Control;
using EnergyTap.Server.Devices;
using EnergyTap.Server.Fleet;
using EnergyTap.Server.Pipeline;
using EnergyTap.Server.Polling;
using EnergyTap.Server.PowerFlows;

namespace EnergyTap.Server.Hosting;

/// <summary>The running parts of the service that the API and dashboard look at.</summary>
public sealed record EnergyTapRuntime(
    IReadOnlyList<SiteInfo> Sites,
    LatestReadings Latest,
    PowerFlowCalculator Flows,
    PollScheduler Scheduler,
    CommandSupervisor Supervisor,
    IHistorySource? History,
    TimeProvider Time,
    string? ControlToken)
{
    public ISiteOwnership Ownership { get; init; } = SingleInstance.Instance;

    public DeviceSerials Serials { get; init; } = new();

    /// <summary>The sites with every device's serial, configured or reported by the device.</summary>
    public IEnumerable<SiteInfo> DescribedSites => Sites.Select(s => s with { Devices = [.. s.Devices.Select(Serials.Describe)] });
}

public sealed record SiteInfo(string Id, string Name, IReadOnlyList<DeviceDescriptor> Devices);
