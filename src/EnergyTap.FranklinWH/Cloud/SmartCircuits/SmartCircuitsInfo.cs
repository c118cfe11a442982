using System.Text.Json;
using EnergyTap.FranklinWH.Cloud.Envelope;
using EnergyTap.FranklinWH.Cloud.Stats;

namespace EnergyTap.FranklinWH.Cloud.SmartCircuits;

/// <summary>cmdType 311: the circuits, modeChoose (3 = Sw1+Sw2+Sw3/CarSW), and the V2L licence and run state.</summary>
public sealed record SmartCircuitsInfo(IReadOnlyList<SmartCircuit> Circuits, int? ModeChoose, bool? V2lModeEnable, int? V2lRunState)
{
    public string V2lRunStateText => V2lRunStates.Describe(V2lRunState);

    internal static SmartCircuitsInfo From(JsonElement data) => new(
        [.. Enumerable.Range(1, 3)
            .Where(n => data.Int($"Sw{n}Mode") is not null)
            .Select(n => new SmartCircuit(n, data.String($"Sw{n}Name"), data.Bool($"Sw{n}Mode"), data.Int($"Sw{n}ProLoad")))],
        data.Int("modeChoose"),
        data.Bool("v2lModeEnable"),
        data.Int("v2lRunState"));
}
