namespace EnergyTap.Modbus.Server;

/// <summary>One table of 65536 registers and which of them exist. Not thread-safe; the bank locks around it.</summary>
internal sealed class RegisterArea
{
    private readonly ushort[] values = new ushort[65536];
    private readonly ulong[] defined = new ulong[65536 / 64];

    public bool IsDefined(int address, int count)
    {
        if (count <= 0 || address + count > 65536)
        {
            return false;
        }

        for (var a = address; a < address + count; a++)
        {
            if ((defined[a >> 6] & (1UL << (a & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    public void Define(int address, int count, bool exists)
    {
        for (var a = address; a < address + count; a++)
        {
            if (exists)
            {
                defined[a >> 6] |= 1UL << (a & 63);
            }
            else
            {
                defined[a >> 6] &= ~(1UL << (a & 63));
                values[a] = 0;
            }
        }
    }

    public void Write(int address, ReadOnlySpan<ushort> source) => source.CopyTo(values.AsSpan(address));

    public void Read(int address, Span<ushort> destination) => values.AsSpan(address, destination.Length).CopyTo(destination);
}
