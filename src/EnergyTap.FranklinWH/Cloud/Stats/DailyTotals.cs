namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>Today's energy in kWh (runtimeData kwh_*); the cloud resets them at the site's local midnight.</summary>
public sealed record DailyTotals
{
    public double? SolarKwh { get; init; }
    public double? LoadKwh { get; init; }
    public double? BatteryChargeKwh { get; init; }
    public double? BatteryDischargeKwh { get; init; }
    public double? GridImportKwh { get; init; }
    public double? GridExportKwh { get; init; }
    public double? GeneratorKwh { get; init; }
    /// <summary>kwhGenLoad: home load served by the generator.</summary>
    public double? GeneratorLoadKwh { get; init; }
    /// <summary>CarSWExpEnergy from cmdType 353; only with <see cref="StatsQuery.IncludeAccessories"/>.</summary>
    public double? V2lExportKwh { get; init; }
    /// <summary>CarSWImpEnergy from cmdType 353; only with <see cref="StatsQuery.IncludeAccessories"/>.</summary>
    public double? V2lImportKwh { get; init; }
}
