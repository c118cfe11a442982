namespace EnergyTap.FranklinWH.Cloud.Accessories;

/// <summary>What hardware a gateway has and what that allows (common/getAccessoryList plus getDeviceInfoV2).</summary>
public sealed record DiscoverySnapshot(string GatewayId, IReadOnlyList<CloudAccessory> Accessories, V2lEligibility V2l)
{
    public bool HasGenerator => Accessories.Any(a => AccessoryCatalog.IsGenerator(a.Type));
    public bool HasSmartCircuits => Accessories.Any(a => AccessoryCatalog.IsSmartCircuits(a.Type));
    public bool V2lEligible => V2l.Eligible;
    public string V2lNote => V2l.Note;

    /// <summary>sysHdVersion: the hardware version code as the cloud writes it (e.g. "102"), not a model name.</summary>
    public string? HardwareVersion { get; init; }

    /// <summary>genEn of getDeviceInfoV2: the generator function is switched on.</summary>
    public bool? GeneratorEnabled { get; init; }

    /// <summary>offGirdFlag of getDeviceInfoV2 (the cloud's spelling), raw.</summary>
    public int? OffGridFlag { get; init; }

    /// <summary>apowerList: the aPower batteries.</summary>
    public IReadOnlyList<ApowerInfo> Batteries { get; init; } = [];
}

/// <summary>One aPower of getDeviceInfoV2's apowerList: serial, rated power (W) and rated capacity (Wh).</summary>
public sealed record ApowerInfo(string Serial, double? RatedPowerW, double? RatedCapacityWh);
