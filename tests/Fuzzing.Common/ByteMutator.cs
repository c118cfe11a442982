using System.Buffers.Binary;

namespace EnergyTap.Fuzzing;

/// <summary>
/// Deterministic byte-level mutations (the AFL staples: bit flips, interesting values, truncation, deletion,
/// insertion, duplication, splicing). One seed gives one sequence of inputs, so every failure replays.
/// </summary>
internal sealed class ByteMutator(int seed)
{
    private static readonly byte[] InterestingBytes = [0, 1, 2, 3, 4, 6, 16, 23, 0x7F, 0x80, 0x81, 0x83, 0xFE, 0xFF];
    private static readonly ushort[] InterestingWords = [0, 1, 2, 125, 126, 253, 254, 255, 256, 0x7FFF, 0x8000, 0xFFFF];

    public Random Random { get; } = new(seed);

    /// <summary>One to four stacked mutations of <paramref name="input"/>; <paramref name="other"/> feeds splices.</summary>
    public byte[] Mutate(ReadOnlySpan<byte> input, ReadOnlySpan<byte> other = default)
    {
        var bytes = new List<byte>(input.ToArray());
        var rounds = 1 + Random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            MutateOnce(bytes, other);
        }

        return [.. bytes];
    }

    public byte[] RandomBytes(int maxLength)
    {
        var bytes = new byte[Random.Next(maxLength + 1)];
        Random.NextBytes(bytes);
        return bytes;
    }

    private void MutateOnce(List<byte> bytes, ReadOnlySpan<byte> other)
    {
        if (bytes.Count == 0)
        {
            bytes.AddRange(RandomBytes(8));
            return;
        }

        var at = Random.Next(bytes.Count);
        switch (Random.Next(10))
        {
            case 0:
                bytes[at] ^= (byte)(1 << Random.Next(8));
                break;
            case 1:
                bytes[at] = InterestingBytes[Random.Next(InterestingBytes.Length)];
                break;
            case 2:
                bytes[at] = (byte)Random.Next(256);
                break;
            case 3:
                bytes.RemoveRange(at, bytes.Count - at); // truncate
                break;
            case 4:
                bytes.RemoveRange(at, Random.Next(1, Math.Min(8, bytes.Count - at) + 1));
                break;
            case 5:
                bytes.InsertRange(at, RandomBytes(8));
                break;
            case 6:
                var length = Random.Next(1, Math.Min(16, bytes.Count - at) + 1);
                bytes.InsertRange(at, bytes.GetRange(at, length));
                break;
            case 7 when bytes.Count - at >= 2:
                var word = new byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(word, InterestingWords[Random.Next(InterestingWords.Length)]);
                bytes[at] = word[0];
                bytes[at + 1] = word[1];
                break;
            case 8 when !other.IsEmpty:
                var from = Random.Next(other.Length);
                bytes.InsertRange(at, other[from..Math.Min(other.Length, from + 1 + Random.Next(32))].ToArray());
                break;
            default:
                var swap = Random.Next(bytes.Count);
                (bytes[at], bytes[swap]) = (bytes[swap], bytes[at]);
                break;
        }
    }
}
