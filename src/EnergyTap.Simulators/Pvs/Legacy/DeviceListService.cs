using System.Text.Json.Nodes;
using EnergyTap.Simulators.Pvs.Payloads;

namespace EnergyTap.Simulators.Pvs.Legacy;

/// <summary>
/// DeviceList is the expensive call: it takes seconds, refuses to overlap (503 while one is in progress) and
/// a DeviceList too soon after the previous one crashes the PVS.
/// </summary>
internal sealed class DeviceListService(SimulatedPvs pvs, PvsHealth health, TimeProvider time, TimeSpan delay)
{
    private int _inProgress;

    /// <summary>True while a DeviceList is being assembled.</summary>
    public bool InProgress => Volatile.Read(ref _inProgress) == 1;

    public async Task<DeviceListOutcome> RunAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _inProgress, 1, 0) != 0)
        {
            return DeviceListOutcome.Busy;
        }

        try
        {
            if (health.RegisterDeviceList(time.GetUtcNow()))
            {
                return DeviceListOutcome.Crashed;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, ct);
            }

            var body = DeviceListPayload.Build(pvs.Inventory, pvs.Read(time.GetUtcNow()));
            return new DeviceListOutcome(DeviceListStatus.Ready, body);
        }
        finally
        {
            Volatile.Write(ref _inProgress, 0);
        }
    }
}

internal enum DeviceListStatus
{
    Ready,
    Busy,
    Crashed,
}

internal sealed record DeviceListOutcome(DeviceListStatus Status, JsonObject? Body)
{
    public static DeviceListOutcome Busy { get; } = new(DeviceListStatus.Busy, null);

    public static DeviceListOutcome Crashed { get; } = new(DeviceListStatus.Crashed, null);
}
