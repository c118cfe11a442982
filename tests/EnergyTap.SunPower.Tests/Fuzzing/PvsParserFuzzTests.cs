using System.Text;
using EnergyTap.Fuzzing;
using EnergyTap.SunPower.Varserver;

namespace EnergyTap.SunPower.Tests.Fuzzing;

/// <summary>
/// Every PVS answer parser on mutated fixtures and generated JSON: it parses, or it throws
/// <see cref="PvsProtocolException"/> (or <see cref="PvsCommandNotSupportedException"/> for "unknown command");
/// nothing else escapes, nothing hangs, and reading the parsed model never throws.
/// </summary>
public sealed class PvsParserFuzzTests
{
    private const int MutatedCases = 1500;

    [Theory]
    [MemberData(nameof(PvsParseTargets.Theory), MemberType = typeof(PvsParseTargets))]
    public void Mutated_answers_parse_or_throw_PvsProtocolException(PvsParseTarget target)
    {
        var mutator = new JsonMutator(seed: 41, PvsParseTargets.Vocabulary);
        mutator.Run([.. target.Seeds], mutator.MutateToUtf8, MutatedCases, minimumAccepted: 0.1, (body, i) => Check(target, body, $"{target} case {i}") is null);
    }

    [Theory]
    [MemberData(nameof(PvsParseTargets.Theory), MemberType = typeof(PvsParseTargets))]
    public void Generated_answers_parse_or_throw_PvsProtocolException(PvsParseTarget target) =>
        GeneratedCases.Check(PvsGenerators.Answer, json => Check(target, Encoding.UTF8.GetBytes(json), $"{target} generated"), cases: 300);

    [Fact]
    public void Mutated_telemetry_messages_give_livedata_or_null()
    {
        const string seed = """{"notification":"power","params":{"time":"1751393400","pv_p":"3.2","net_p":"-1.1","soc":"0.5","midstate":"0","ess_p":"nan"}}""";
        var mutator = new JsonMutator(seed: 43, PvsParseTargets.Vocabulary);
        for (var i = 0; i < MutatedCases; i++)
        {
            var message = mutator.MutateToUtf8(seed);
            FuzzGuard.Run($"telemetry case {i} {Show(message)}", () => EnergyTap.Fuzzing.ModelWalker.Touch(VarserverTelemetry.Parse(message)));
        }
    }

    internal static PvsException? Check(PvsParseTarget target, byte[] body, string label)
    {
        var error = FuzzGuard.Run<PvsException>($"{label} {Show(body)}", () => target.Parse(body));
        Assert.True(error is null or PvsProtocolException or PvsCommandNotSupportedException, $"{label}: {error?.GetType().Name} is not a parse error");
        return error;
    }

    /// <summary>The input as text, cut short: enough to see the case, the seed and index replay it in full.</summary>
    internal static string Show(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 400 ? text : text[..400] + $"… ({text.Length} chars)";
    }
}
