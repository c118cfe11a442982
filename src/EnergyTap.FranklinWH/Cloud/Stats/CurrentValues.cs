namespace EnergyTap.FranklinWH.Cloud.Stats;

/// <summary>
/// Live values from runtimeData, in kW. Sign conventions (as the cloud sends them):
/// <see cref="BatteryKw"/> is positive when the battery discharges into the home and negative when it charges (p_fhp);
/// <see cref="GridKw"/> is positive when importing from the grid and negative when exporting (p_uti).
/// A null value means the field was missing, not zero.
/// </summary>
public sealed record CurrentValues
{
    public double? SolarKw { get; init; }
    public double? LoadKw { get; init; }
    public double? BatteryKw { get; init; }
    public double? GridKw { get; init; }
    public double? SocPercent { get; init; }
    public IReadOnlyList<BatteryUnit> Batteries { get; init; } = [];

    public GridConnection GridConnection { get; init; }

    /// <summary>True on the grid, false off it, null when runtimeData does not say (for a 0/1 reading).</summary>
    public bool? GridConnected => GridConnection switch
    {
        GridConnection.Connected => true,
        GridConnection.OffGrid => false,
        _ => null,
    };

    /// <summary>offgridreason: null on the grid; a reason code (any number, 0 included) while off grid.</summary>
    public int? OffGridReason { get; init; }

    public double? GeneratorKw { get; init; }
    public bool? GeneratorEnabled { get; init; }
    /// <summary>Raw genStat; see <see cref="GeneratorStates"/>.</summary>
    public int? GeneratorStatus { get; init; }
    public string GeneratorStatusText => GeneratorStates.Describe(GeneratorStatus);
    /// <summary>main_sw[1]: 1 = generator relay connected.</summary>
    public int? GeneratorRelay { get; init; }

    /// <summary>v2lModeEnable: the gateway's V2L feature licence.</summary>
    public bool? V2lEnabled { get; init; }
    /// <summary>Raw v2lRunState; see <see cref="V2lRunStates"/>.</summary>
    public int? V2lStatus { get; init; }
    public string V2lStatusText => V2lRunStates.Describe(V2lStatus);
    /// <summary>CarSWPower from cmdType 353; only with <see cref="StatsQuery.IncludeAccessories"/>.</summary>
    public double? V2lUseKw { get; init; }
    /// <summary>evRelayStat from cmdType 211 (1 = contactor closed / active); only with <see cref="StatsQuery.IncludeElectrical"/>.</summary>
    public int? V2lRelay { get; init; }

    /// <summary>runtimeData.mode: the active mode's profile id (the same number as currendId), not the workMode.</summary>
    public long? ActiveModeId { get; init; }

    /// <summary>runtimeData.name: the active mode's name as the account calls it.</summary>
    public string? ModeName { get; init; }

    /// <summary>pro_load: one entry per smart circuit (1 = circuit on), following the 311 switch states.</summary>
    public IReadOnlyList<int?> SmartCircuitLoads { get; init; } = [];
    public int? RunStatus { get; init; }
}
