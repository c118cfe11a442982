namespace EnergyTap.SunSpec.Points;

/// <summary>
/// A contiguous run of holding registers starting at PDU address <see cref="Start"/>, remembering which of them
/// have been read (or set) so a value never comes from a register nobody filled.
/// </summary>
public sealed class RegisterBlock
{
    private readonly ushort[] values;
    private readonly bool[] known;

    public RegisterBlock(int start, int count)
    {
        Start = start;
        values = new ushort[count];
        known = new bool[count];
    }

    public RegisterBlock(int start, ReadOnlySpan<ushort> registers) : this(start, registers.Length)
    {
        Set(start, registers);
    }

    public int Start { get; }

    public int Count => values.Length;

    public int End => Start + values.Length;

    /// <summary>Stores registers; parts outside the block are ignored.</summary>
    public void Set(int address, ReadOnlySpan<ushort> registers)
    {
        var from = Math.Max(address, Start);
        var to = Math.Min(address + registers.Length, End);
        if (from >= to)
        {
            return;
        }

        registers.Slice(from - address, to - from).CopyTo(values.AsSpan(from - Start));
        known.AsSpan(from - Start, to - from).Fill(true);
    }

    /// <summary>The registers at [address, address + count) when all of them are known.</summary>
    public bool TryGet(int address, int count, out ReadOnlySpan<ushort> registers)
    {
        registers = default;
        if (address < Start || address + count > End || known.AsSpan(address - Start, count).Contains(false))
        {
            return false;
        }

        registers = values.AsSpan(address - Start, count);
        return true;
    }

    public ReadOnlySpan<ushort> AsSpan() => values;

    public RegisterBlock Clone()
    {
        var copy = new RegisterBlock(Start, values.Length);
        values.CopyTo(copy.values, 0);
        known.CopyTo(copy.known, 0);
        return copy;
    }
}
