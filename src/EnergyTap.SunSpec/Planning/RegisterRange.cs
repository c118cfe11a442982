namespace EnergyTap.SunSpec.Planning;

/// <summary>Registers [Start, Start + Count) at 0-based PDU addresses.</summary>
public readonly record struct RegisterRange(int Start, int Count)
{
    public int End => Start + Count;

    public override string ToString() => $"{Start}+{Count}";
}
