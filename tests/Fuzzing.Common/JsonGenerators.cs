using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace EnergyTap.Fuzzing;

/// <summary>FsCheck generators of JSON text built from a target's own key names and troublesome scalars.</summary>
internal static class JsonGenerators
{
    private const int MaxDepth = 4;

    /// <summary>A quoted JSON string of any of <paramref name="texts"/>.</summary>
    public static Gen<string> Quoted(IEnumerable<string> texts) => Gen.Elements(texts.Select(t => JsonSerializer.Serialize(t)).ToArray());

    /// <summary>Objects, arrays and scalars nested up to four deep; keys from <paramref name="keys"/>.</summary>
    public static Gen<string> Value(Gen<string> keys, Gen<string> scalars) => Node(keys, scalars, MaxDepth);

    public static Gen<string> Object(IEnumerable<Gen<string>> members) =>
        Gen.CollectToArray(members).Select(m => "{" + string.Join(",", m.Where(s => s.Length > 0)) + "}");

    public static Gen<string> Member(Gen<string> key, Gen<string> value) =>
        from k in key
        from v in value
        select $"{k}:{v}";

    public static Gen<string> ArrayOf(Gen<string> item, int maxItems = 6) =>
        Gen.Choose(0, maxItems).SelectMany(n => Gen.ListOf(item, n)).Select(items => "[" + string.Join(",", items) + "]");

    /// <summary>Sometimes nothing, so generated objects also miss members the parser expects.</summary>
    public static Gen<string> Maybe(Gen<string> member) => Gen.Frequency((4, member), (1, Gen.Constant("")));

    private static Gen<string> Node(Gen<string> keys, Gen<string> scalars, int depth) =>
        depth == 0
            ? scalars
            : Gen.Frequency(
                (3, scalars),
                (2, Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Member(keys, Node(keys, scalars, depth - 1)), n)).Select(m => "{" + string.Join(",", m) + "}")),
                (1, ArrayOf(Node(keys, scalars, depth - 1), 4)));
}
