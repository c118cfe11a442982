using EnergyTap.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace EnergyTap.SunSpec.Tests.Fuzzing;

/// <summary>
/// Generated sequences in all three step forms (full, short m/p/v, typed wait_for), with point names from the
/// MODEL.GROUP[i].POINT grammar (including huge, zero and non-ASCII parts) and odd values.
/// </summary>
internal static class SequenceGenerators
{
    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, Gen.Elements(JsonMutator.OddTokens)),
        (2, Gen.Elements("0", "1", "-30.5", "80", "500", "86400000", "86400001", "20", "0.001", "\"==\"", "\">=\"", "\"<>\"", "\"CHARGE\"")),
        (1, Gen.Choose(-100000, 100000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<string> PointText =
        from model in Gen.Elements("704", "713", "714", "1", "0", "65535", "99999999999", "\u0663", "", "-1")
        from groupPart in Gen.Elements("", "Prt[1].", "Prt[2].", "Prt[0].", "Prt[99999].", "Prt[\u0663].", "Prt.", "[1].", "Prt[1][2].")
        from point in Gen.Elements("WSetPct", "WSetEna", "WSet", "SoC", "DCW", "SN", "X", "", "WSetPct[1]", "Prt[1]")
        select $"{model}.{groupPart}{point}";

    private static readonly Gen<string> Point = JsonGenerators.Quoted(["704.WSetPct"]).Or(PointText.Select(p => System.Text.Json.JsonSerializer.Serialize(p)));

    private static readonly Gen<string> Value = Gen.Frequency((4, Scalar), (1, JsonGenerators.Value(JsonGenerators.Quoted(SequenceSeeds.Vocabulary), Scalar)));

    private static Gen<string> Key(string name) => Gen.Constant(System.Text.Json.JsonSerializer.Serialize(name));

    private static Gen<string> Optional(string name, Gen<string> value) => JsonGenerators.Maybe(JsonGenerators.Member(Key(name), value));

    private static readonly Gen<string> Writes = JsonGenerators.ArrayOf(JsonGenerators.Member(Point, Value), 4).Select(a => "{" + a[1..^1] + "}");

    private static readonly Gen<string> FullStep = JsonGenerators.Object([
        Optional("step", Value),
        Optional("writes", Gen.Frequency((4, Writes), (1, Value))),
        Optional("reads", JsonGenerators.ArrayOf(Gen.Frequency((4, Point), (1, Value)), 3)),
        Optional("sleep_ms", Value),
        Optional("post_sleep_ms", Value),
        Optional("verify_timeout_ms", Value),
        Optional("verify", Value),
        Optional("wait_for", JsonGenerators.Object([Optional("point", Point), Optional("operator", Scalar), Optional("value", Value), Optional("timeout_ms", Value), Optional("poll_ms", Value)])),
    ]);

    private static readonly Gen<string> ShortStep = JsonGenerators.Object([
        Optional("m", Scalar),
        Optional("p", JsonGenerators.ArrayOf(Gen.Elements("\"WSetEna\"", "\"WSetPct\"", "\"Prt[1].DCW\"", "\"\"", "\"\u0663\"", "1").Or(Scalar), 4)),
        Optional("v", JsonGenerators.ArrayOf(Value, 4)),
        Optional("note", Value),
    ]);

    private static readonly Gen<string> TypedWait = JsonGenerators.Object([
        Optional("type", Gen.Frequency((5, Gen.Constant("\"wait_for\"")), (1, Scalar))),
        Optional("point", Point),
        Optional("value", Value),
        Optional("operator", Scalar),
        Optional("timeout", Scalar),
        Optional("interval", Scalar),
    ]);

    private static readonly Gen<string> Steps = JsonGenerators.ArrayOf(Gen.Frequency((3, FullStep), (3, ShortStep), (2, TypedWait), (1, Value)), 5);

    public static Gen<string> Sequence { get; } = Gen.Frequency(
        (2, Steps),
        (2, JsonGenerators.Object([Optional("name", Value), Optional("description", Value), Optional("steps", Gen.Frequency((5, Steps), (1, Value)))])),
        (1, Value));
}
