using EnergyTap.SunSpec.Sequencing;

namespace EnergyTap.SunSpec.Tests.Sequencing;

public class SequenceLoaderTests
{
    [Fact]
    public void Full_form_with_defaults_and_every_key()
    {
        var sequence = SequenceLoader.Parse("""
            {
              "name": "demo",
              "steps": [
                { "step": "Enable", "writes": { "704.WSetEna": 1, "704.WSetPct": -30.5 }, "sleep_ms": 500 },
                { "name": "Check", "reads": ["714.Prt[1].DCW"], "verify": false, "verify_timeout_ms": 100, "abort_on_failure": false, "post_sleep_ms": 20,
                  "wait_for": { "point": "713.SoC", "operator": ">=", "value": 80, "timeout_ms": 60000, "poll_ms": 500 } }
              ]
            }
            """);

        Assert.Equal("demo", sequence.Name);
        var first = sequence.Steps[0];
        Assert.Equal("Enable", first.Name);
        Assert.Equal(["704.WSetEna", "704.WSetPct"], first.Writes.Select(w => w.Point));
        Assert.Equal(-30.5m, first.Writes[1].Value);
        Assert.True(first.Verify);
        Assert.True(first.AbortOnFailure);
        Assert.Equal(TimeSpan.FromSeconds(2), first.VerifyTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), first.Sleep);
        Assert.Equal(4, first.Writes[0].Location.Line);

        var second = sequence.Steps[1];
        Assert.False(second.Verify);
        Assert.False(second.AbortOnFailure);
        Assert.Equal(TimeSpan.FromMilliseconds(20), second.Sleep);
        Assert.Equal(new WaitCondition("713.SoC", CompareOperator.GreaterOrEqual, 80m, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500), second.WaitFor!.Location), second.WaitFor);
        Assert.True(sequence.TouchesModel704);
    }

    [Fact]
    public void Short_form_and_typed_wait_in_a_top_level_array()
    {
        var sequence = SequenceLoader.Parse("""
            [
              { "m": 704, "p": ["WSetEna", "WSetPct", "WSet"], "v": [0, 0, 0], "note": "Release Modbus control" },
              { "name": "Wait for Reversion", "type": "wait_for", "point": "704.WSetPct", "value": 0, "timeout": 20, "interval": 2 }
            ]
            """);

        Assert.Equal("Release Modbus control", sequence.Steps[0].Name);
        Assert.Equal(["704.WSetEna", "704.WSetPct", "704.WSet"], sequence.Steps[0].Writes.Select(w => w.Point));
        var wait = sequence.Steps[1].WaitFor!;
        Assert.Equal(CompareOperator.Equal, wait.Operator);
        Assert.Equal(TimeSpan.FromSeconds(20), wait.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), wait.Poll);
    }

    [Fact]
    public void Every_shape_problem_is_reported_at_once_with_path_and_line()
    {
        var ex = Assert.Throws<SequenceValidationException>(() => SequenceLoader.Parse("""
            [
              { "step": "a", "writes": { "704.WSetEna": true }, "colour": "red" },
              { "m": 704, "p": ["WSetEna", "WSetPct"], "v": [0] },
              { "step": "b", "wait_for": { "point": "713.SoC", "operator": "=>", "value": 1 } },
              { "step": "c", "sleep_ms": "soon", "verify": "yes" },
              { "step": "d", "reads": ["704"] }
            ]
            """, "bad.json"));

        var problems = ex.Problems.Select(p => (p.Location.Line, p.Location.JsonPath)).ToList();
        Assert.Contains((2, "$[0].writes['704.WSetEna']"), problems);
        Assert.Contains((2, "$[0].colour"), problems);
        Assert.Contains((3, "$[1].v"), problems);
        Assert.Contains((4, "$[2].wait_for.operator"), problems);
        Assert.Contains((5, "$[3].sleep_ms"), problems);
        Assert.Contains((5, "$[3].verify"), problems);
        Assert.Contains((6, "$[4].reads[0]"), problems);
        Assert.Equal(7, ex.Problems.Count);
        Assert.Contains("unknown key \"colour\"", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: 7 problems", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_its_line()
    {
        var ex = Assert.Throws<SequenceValidationException>(() => SequenceLoader.Parse("[\n  { \"step\": \"a\",\n    \"writes\": { \"704.WSetEna\" 1 } }\n]"));

        Assert.Equal(3, Assert.Single(ex.Problems).Location.Line);
    }
}
