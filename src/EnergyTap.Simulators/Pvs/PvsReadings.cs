namespace EnergyTap.Simulators.Pvs;

/// <summary>Everything the PVS reports at one instant; both API generations render this same state.</summary>
internal sealed record PvsSnapshot(
    DateTimeOffset Now,
    SupervisorReading Supervisor,
    MeterReading Production,
    MeterReading Consumption,
    IReadOnlyList<InverterReading> Inverters,
    EssReading? Ess,
    LiveDataReading LiveData);

/// <summary>Supervisor block, refreshed every 5 minutes.</summary>
internal sealed record SupervisorReading(
    DateTimeOffset DataTime,
    long UptimeSeconds,
    double CpuLoad,
    long MemUsedKb,
    long FlashAvailKb,
    long CommErrors,
    long Untransmitted,
    int ScanTime);

/// <summary>A PVS5-METER-P or -C reading, refreshed every 15 seconds. Powers in kW, energies in kWh.</summary>
internal sealed record MeterReading(
    string Serial,
    string Model,
    bool IsConsumption,
    DateTimeOffset DataTime,
    double PKw,
    double QKvar,
    double SKva,
    double PowerFactor,
    double FreqHz,
    double NetKwh,
    double PosKwh,
    double NegKwh,
    double P1Kw,
    double P2Kw,
    double I1A,
    double I2A,
    double V1nV,
    double V2nV,
    double V12V)
{
    public int CtScaleFactor => IsConsumption ? 100 : 50;
}

/// <summary>A microinverter; <see cref="Working"/> is false at night, when a real PVS reports STATE "error".</summary>
internal sealed record InverterReading(
    InverterIdentity Id,
    bool Working,
    DateTimeOffset DataTime,
    double PKw,
    double DcKw,
    double AcA,
    double AcV,
    double DcA,
    double DcV,
    double FreqHz,
    int HeatsinkC,
    double LifetimeKwh);

/// <summary>The SunVault battery. Power positive while discharging; state of charge as a fraction.</summary>
internal sealed record EssReading(
    DateTimeOffset DataTime,
    double PKw,
    double Soc,
    double CustomerSoc,
    double Soh,
    double ChargedKwh,
    double DischargedKwh,
    double BatteryV,
    double MinCellV,
    double MaxCellV,
    double MinCellC,
    double MaxCellC,
    double InverterC,
    double V1nV,
    double V2nV,
    int BackupMinutes,
    string OperatingMode);

/// <summary>/sys/livedata and the telemetry WebSocket: site totals in kW and kWh.</summary>
internal sealed record LiveDataReading(
    DateTimeOffset Time,
    double PvKw,
    double PvKwh,
    double NetKw,
    double NetKwh,
    double SiteLoadKw,
    double SiteLoadKwh,
    double? EssKw,
    double? EssKwh,
    double? Soc,
    int? BackupMinutes,
    int? MidState);
