namespace EnergyTap.Server.Metrics;

/// <summary>
/// A double updated without locks. Stored as its bit pattern so compare-and-swap also works for NaN
/// (NaN never compares equal to itself).
/// </summary>
internal struct AtomicDouble
{
    private long _bits;

    public double Read() => BitConverter.Int64BitsToDouble(Volatile.Read(ref _bits));

    public void Write(double value) => Volatile.Write(ref _bits, BitConverter.DoubleToInt64Bits(value));

    public void Add(double amount)
    {
        while (true)
        {
            var seen = Volatile.Read(ref _bits);
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + amount);
            if (Interlocked.CompareExchange(ref _bits, next, seen) == seen)
            {
                return;
            }
        }
    }
}
