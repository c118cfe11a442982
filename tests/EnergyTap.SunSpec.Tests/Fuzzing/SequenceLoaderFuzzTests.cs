using EnergyTap.Fuzzing;
using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Tests.Fuzzing;

/// <summary>
/// The sequence loader (and the load-and-check-against-the-catalog path `sequence validate` takes) on mutated
/// shipped examples and generated sequences: a sequence loads, or <see cref="SequenceValidationException"/> lists
/// problems that each name a line and a JSON path. Nothing else escapes, nothing hangs.
/// </summary>
public sealed class SequenceLoaderFuzzTests
{
    private const int MutatedCases = 2000;

    public static TheoryData<string> Loaders => new() { "parse", "parse and validate against the catalog" };

    [Theory]
    [MemberData(nameof(Loaders))]
    public void Mutated_examples_load_or_throw_SequenceValidationException_with_locations(string loader)
    {
        var mutator = new JsonMutator(seed: 53, SequenceSeeds.Vocabulary);
        mutator.Run(SequenceSeeds.Examples, mutator.Mutate, MutatedCases, minimumAccepted: 0.05, (json, i) => Check(loader, json, $"{loader} case {i}") is null);
    }

    [Theory]
    [MemberData(nameof(Loaders))]
    public void Generated_sequences_load_or_throw_SequenceValidationException_with_locations(string loader) =>
        GeneratedCases.Check(SequenceGenerators.Sequence, json => Check(loader, json, $"{loader} generated"), cases: 500);

    internal static SequenceValidationException? Check(string loader, string json, string label)
    {
        var shown = json.Length <= 400 ? json : json[..400] + $"… ({json.Length} chars)";
        var error = FuzzGuard.Run<SequenceValidationException>($"{label} {shown}", () => Load(loader, json));
        if (error is not null)
        {
            Assert.NotEmpty(error.Problems);
            Assert.All(error.Problems, p => Assert.True(p.Location.Line >= 1 && p.Location.JsonPath.StartsWith('$'), $"{label}: problem without a location: {p}"));
        }

        return error;
    }

    private static void Load(string loader, string json)
    {
        var sequence = loader == "parse"
            ? SequenceLoader.Parse(json, "fuzz.json")
            : SequenceValidator.LoadValid(json, "fuzz.json", s => CatalogMap.For(s));
        Assert.NotEmpty(sequence.Steps);
        EnergyTap.Fuzzing.ModelWalker.Touch(sequence);
    }
}
