namespace EnergyTap.SunPower.Model;

/// <summary>Every device the PVS reported in one read, with the views people usually want.</summary>
public sealed record PvsDeviceSnapshot(IReadOnlyList<PvsDevice> Devices, PvsGeneration Generation, DateTimeOffset FetchedAt)
{
    /// <summary>Inverter serials seen in an earlier read but missing now (typical after a night-time discovery).</summary>
    public IReadOnlyList<string> MissingInverters { get; init; } = [];

    public PvsSupervisor? Supervisor => Devices.OfType<PvsSupervisor>().FirstOrDefault();

    public IEnumerable<PvsPowerMeter> Meters => Devices.OfType<PvsPowerMeter>();

    public PvsPowerMeter? ProductionMeter => Meters.FirstOrDefault(m => m.Role == PvsMeterRole.Production);

    public PvsPowerMeter? ConsumptionMeter => Meters.FirstOrDefault(m => m.Role == PvsMeterRole.Consumption);

    public IEnumerable<PvsInverter> Inverters => Devices.OfType<PvsInverter>();

    /// <summary>SunVault devices (HUB+, ESS Hub, PV Disconnect, Gateway, Storage Inverter, ESS BMS, Battery, Energy Storage System).</summary>
    public IEnumerable<PvsDevice> StorageDevices => Devices.Where(d => d.Kind is PvsDeviceKind.HubPlus or PvsDeviceKind.EssHub
        or PvsDeviceKind.PvDisconnect or PvsDeviceKind.Gateway or PvsDeviceKind.StorageInverter or PvsDeviceKind.EssBms
        or PvsDeviceKind.Battery or PvsDeviceKind.EnergyStorageSystem);

    public VirtualProductionMeter VirtualProductionMeter => VirtualProductionMeter.From(Inverters);

    public BatteryTotals Battery => BatteryTotals.From(Devices);
}
