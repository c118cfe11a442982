using EnergyTap.FranklinWH.Cloud.Accessories;

namespace EnergyTap.Simulators.Cloud;

/// <summary>The mutable state of one simulated gateway. Guarded by the simulator's lock.</summary>
internal sealed class GatewayState
{
    public GatewayState(SimulatedGateway definition, int profileIdBase)
    {
        Definition = definition;
        OffGrid = definition.OffGrid;
        Online = definition.Online;
        Profiles =
        [
            new ModeProfileState(profileIdBase + 1, 1, 1, "Time of Use", 20),
            new ModeProfileState(profileIdBase + 2, 2, 2, "Self Consumption", 20),
            new ModeProfileState(profileIdBase + 3, 3, 3, "Emergency Backup", 100),
        ];
        Profiles = [.. Profiles.Select(p => p with { EditSocFlag = !definition.ReserveLockedWorkModes.Contains(p.WorkMode) })];
        ActiveProfileId = profileIdBase + 2;
    }

    public SimulatedGateway Definition { get; }
    public string Id => Definition.Id;
    public bool OffGrid { get; set; }
    public bool Online { get; set; }
    public int GeneratorManuSw { get; set; } = 1;
    public bool[] CircuitOn { get; } = [false, true, false, false];
    public string[] CircuitName { get; } = ["", "Circuit 1", "Circuit 2", "V2L / Car"];
    /// <summary>311 SwMerge: 1 when circuits 1 and 2 are joined into one 240 V circuit and switch together.</summary>
    public int SwMerge { get; set; }
    public List<ModeProfileState> Profiles { get; }
    public long ActiveProfileId { get; set; }
    public int? BackupMinutes { get; set; }
    public DateTimeOffset? BackupSince { get; set; }
    /// <summary>The mode the gateway returns to when a timed emergency backup ends.</summary>
    public int NextWorkMode { get; set; } = 2;
    public bool StormHedgeEnabled { get; set; } = true;
    public int StormAdvanceBackupMinutes { get; set; } = 120;
    public bool StormNoticeEnabled { get; set; } = true;
    public int ValidFalseRemaining { get; set; }
    public DateTimeOffset? LastStatsPoll { get; set; }

    public bool HasGenerator => Definition.Accessories.Any(AccessoryCatalog.IsGenerator);
    public bool HasSmartCircuits => Definition.Accessories.Any(AccessoryCatalog.IsSmartCircuits);
    public bool V2lPort => V2lEligibility.Evaluate([.. Definition.Accessories]).Eligible;
    public ModeProfileState ActiveProfile => Profiles.First(p => p.Id == ActiveProfileId);

    /// <summary>The aPower serials, the same in getDeviceInfoV2 apowerList and runtimeData fhpSn.</summary>
    public IReadOnlyList<string> BatterySerials => [.. Enumerable.Range(1, Definition.Batteries).Select(n => $"APW{(Id.Length > 6 ? Id[^6..] : Id)}{n:D2}")];

    /// <summary>V2L_RUN_STATE: active when the CarSW circuit is on and the grid is away; standby when licensed.</summary>
    public int V2lRunState => !Definition.V2lLicensed || !V2lPort ? 0 : CircuitOn[3] && OffGrid ? 2 : 1;

    /// <summary>GENERATOR_STATE: an auto-schedule generator runs during an outage.</summary>
    public int GeneratorStat => HasGenerator && OffGrid && GeneratorManuSw == 1 ? 1 : 0;

    public SimulatedGatewayState Snapshot() => new(Id, GeneratorManuSw, [CircuitOn[1], CircuitOn[2], CircuitOn[3]],
        ActiveProfile.WorkMode, ActiveProfile.Soc, BackupMinutes, OffGrid, Online);
}

/// <summary>One entry of the simulated getGatewayTouListV2 list. OldIndex is the mode's slot in the app's older list.</summary>
internal sealed record ModeProfileState(long Id, int OldIndex, int WorkMode, string Name, double Soc)
{
    /// <summary>editSocFlag: whether the user may change this mode's reserve (see <see cref="SimulatedGateway.ReserveLockedWorkModes"/>).</summary>
    public bool EditSocFlag { get; init; } = true;
    public double MinSoc => WorkMode == 3 ? 20 : 5;

    public double Soc { get; set; } = Soc;
}
