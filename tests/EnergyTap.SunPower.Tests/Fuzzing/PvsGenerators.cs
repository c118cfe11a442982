using EnergyTap.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace EnergyTap.SunPower.Tests.Fuzzing;

/// <summary>
/// Generated PVS answers in the shapes the firmware uses (DeviceList, /vars flat and fmt=obj, supervisor, progress,
/// profiles), with varserver names from their grammar (including huge and non-ASCII indexes) and odd values.
/// </summary>
internal static class PvsGenerators
{
    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, Gen.Elements(JsonMutator.OddTokens)),
        (2, JsonGenerators.Quoted(["succeed", "working", "error", "unknown command", "2025,07,01,18,30,00", "1751393400", "0.25", "nan", "PVS6M0400p", "Power Meter", "Inverter", "PVS", "2021.9, Build 41001"])),
        (1, Gen.Choose(-1000, 100000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Key = Gen.Frequency((4, JsonGenerators.Quoted(PvsParseTargets.Vocabulary)), (1, JsonGenerators.Quoted(["", "/", "\u0663", "Result"])));

    private static readonly Gen<string> VariableName =
        from area in Gen.Elements("devices", "info", "livedata", "")
        from type in Gen.Elements("inverter", "meter", "ess", "transfer_switch", "pvs", "battery", "x_y", "")
        from index in Gen.Elements("0", "1", "7", "99999999999", "\u0663", "-1", "", "00")
        from field in Gen.Elements(PvsParseTargets.Vocabulary.Append("data").Append("sn").Append("soc").Append("time").ToArray())
        from perDevice in Gen.Elements(false, false, true)
        select System.Text.Json.JsonSerializer.Serialize(perDevice ? $"/sys/{area}/{index}/{type}/data" : $"/sys/{area}/{type}/{index}/{field}");

    private static readonly Gen<string> AnyValue = JsonGenerators.Value(Key, Scalar);

    /// <summary>A device: known keys with odd values, sometimes an unknown one.</summary>
    private static readonly Gen<string> Device = JsonGenerators.Object(
        PvsParseTargets.Vocabulary.Take(40).Select(k => JsonGenerators.Maybe(JsonGenerators.Member(JsonGenerators.Quoted([k]), Gen.Frequency((3, Scalar), (1, AnyValue))))));

    private static readonly Gen<string> Result = JsonGenerators.Maybe(JsonGenerators.Member(Gen.Constant("\"result\""), Gen.Frequency((4, Gen.Constant("\"succeed\"")), (1, Scalar))));

    public static Gen<string> Answer { get; } = Gen.OneOf(
        JsonGenerators.Object([Result, JsonGenerators.Member(Gen.Constant("\"devices\""), JsonGenerators.ArrayOf(Gen.Frequency((5, Device), (1, AnyValue))))]),
        JsonGenerators.Object([Result, JsonGenerators.Member(Gen.Constant("\"values\""), JsonGenerators.ArrayOf(JsonGenerators.Object([
            JsonGenerators.Maybe(JsonGenerators.Member(Gen.Constant("\"name\""), Gen.Frequency((4, VariableName), (1, Scalar)))),
            JsonGenerators.Maybe(JsonGenerators.Member(Gen.Constant("\"value\""), Gen.Frequency((3, Scalar), (1, AnyValue)))),
        ]), 12))]),
        JsonGenerators.ArrayOf(JsonGenerators.Member(VariableName, Gen.Frequency((3, Scalar), (1, Device))), 12).Select(a => "{" + a[1..^1] + "}"),
        JsonGenerators.Object([Result, JsonGenerators.Member(Gen.Elements("\"supervisor\"", "\"networkstatus\"", "\"progress\"", "\"profiles\""), Gen.Frequency((2, Device), (1, AnyValue)))]),
        AnyValue);
}
