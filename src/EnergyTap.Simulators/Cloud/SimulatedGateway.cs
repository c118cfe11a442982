using EnergyTap.FranklinWH.Cloud.Accessories;

namespace EnergyTap.Simulators.Cloud;

/// <summary>A simulated aGate and the accessories installed on it (accessory types as the cloud reports them).</summary>
public sealed record SimulatedGateway(string Id, string Name, IReadOnlyList<int> Accessories)
{
    /// <summary>The gateway's V2L feature licence (v2lModeEnable).</summary>
    public bool V2lLicensed { get; init; }

    /// <summary>Start with the grid relay open (off grid), e.g. during an outage.</summary>
    public bool OffGrid { get; init; }

    /// <summary>False = the aGate is not connected to the cloud: reads answer 136, mode changes 176.</summary>
    public bool Online { get; init; } = true;

    /// <summary>workModes whose reserve the cloud marks not editable (editSocFlag false).</summary>
    public IReadOnlyList<int> ReserveLockedWorkModes { get; init; } = [];

    /// <summary>How many aPower batteries (getDeviceInfoV2 apowerList, runtimeData fhpSn).</summary>
    public int Batteries { get; init; } = 1;

    /// <summary>The aGate firmware (getHomeGatewayList version).</summary>
    public string Firmware { get; init; } = "V10R01B04D00";

    /// <summary>The hardware version code (sysHdVersion is its text, sysHdVersionInt the number).</summary>
    public int HardwareVersion { get; init; } = 102;

    /// <summary>US V1 Smart Circuits + Generator Module V1: generator and V2L through the CarSW port.</summary>
    public static SimulatedGateway GeneratorV1WithSmartCircuitsV1(string id, string name) =>
        new(id, name, [AccessoryCatalog.GeneratorV1Us, AccessoryCatalog.SmartCircuitsV1Us]) { V2lLicensed = true };

    /// <summary>US V2 Smart Circuits: V2L built in, no generator.</summary>
    public static SimulatedGateway SmartCircuitsV2(string id, string name) =>
        new(id, name, [AccessoryCatalog.SmartCircuitsV2Us]) { V2lLicensed = true };

    /// <summary>Generator Module V2 with US V1 Smart Circuits: generator, but no V2L port.</summary>
    public static SimulatedGateway GeneratorV2WithSmartCircuitsV1(string id, string name) =>
        new(id, name, [AccessoryCatalog.GeneratorV2Us, AccessoryCatalog.SmartCircuitsV1Us]);

    /// <summary>Australian hardware: generator and smart circuits, no V2L.</summary>
    public static SimulatedGateway Australian(string id, string name) =>
        new(id, name, [AccessoryCatalog.GeneratorV1Au, AccessoryCatalog.SmartCircuitsV1Au]);

    /// <summary>Just the aGate and batteries.</summary>
    public static SimulatedGateway Bare(string id, string name) => new(id, name, []);
}
