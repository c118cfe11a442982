using System.Text.Json;
using EnergyTap.SunSpec.Points;
using EnergyTap.SunSpec.Sequencing.Json;

namespace EnergyTap.SunSpec.Sequencing;

/// <summary>
/// Parses sequence files (seed 002): a top-level array of steps, or an object {"name", "description", "steps"}.
/// A step is the full form (name/step, writes, reads, verify, verify_timeout_ms, abort_on_failure,
/// sleep_ms/post_sleep_ms, wait_for), the short form {"m":704,"p":[...],"v":[...],"note":...}, or
/// {"type":"wait_for","point","value","timeout"(s),"interval"(s)}. Every shape problem is collected and
/// reported at once with its JSON path and line.
/// </summary>
public static class SequenceLoader
{
    private static readonly string[] TopKeys = ["name", "description", "steps"];
    private static readonly string[] CommonStepKeys = ["name", "step", "note", "description", "verify", "verify_timeout_ms", "abort_on_failure", "sleep_ms", "post_sleep_ms", "reads"];
    private static readonly string[] FullStepKeys = [.. CommonStepKeys, "writes", "wait_for", "m", "p", "v"];
    private static readonly string[] TypedWaitKeys = [.. CommonStepKeys, "type", "point", "operator", "value", "timeout", "interval", "timeout_ms", "poll_ms"];
    private static readonly string[] WaitForKeys = ["point", "operator", "value", "timeout_ms", "poll_ms"];

    public static Sequence LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"sequence file {path} does not exist", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <exception cref="SequenceValidationException">With every problem found.</exception>
    public static Sequence Parse(string json, string source = "sequence")
    {
        var (sequence, problems) = ParseAll(json, source);
        return problems.Count > 0 ? throw new SequenceValidationException(source, problems) : sequence;
    }

    /// <summary>
    /// Parses as much as can be understood and returns it with the shape problems, so a caller can also check the
    /// good parts against a map and report everything at once. Only broken JSON throws.
    /// </summary>
    /// <exception cref="SequenceValidationException">The text is not JSON.</exception>
    public static (Sequence Sequence, IReadOnlyList<SequenceProblem> Problems) ParseAll(string json, string source = "sequence")
    {
        var root = SourceReader.Read(json, source);
        var problems = new List<SequenceProblem>();
        string? name = null, description = null;
        SourceNode? steps = root;
        if (root.Kind == JsonValueKind.Object)
        {
            var members = Members(root, TopKeys, problems);
            name = Text(members, "name", problems);
            description = Text(members, "description", problems);
            steps = members.GetValueOrDefault("steps");
            if (steps is null)
            {
                problems.Add(new(root.Location, "an object sequence needs \"steps\": [ ... ]"));
            }
        }

        var parsed = new List<SequenceStep>();
        if (steps is not null && steps.Kind != JsonValueKind.Array)
        {
            problems.Add(new(steps.Location, $"expected an array of steps, found {steps.KindName}"));
        }
        else if (steps is not null)
        {
            if (steps.Items.Count == 0)
            {
                problems.Add(new(steps.Location, "the sequence has no steps"));
            }

            foreach (var item in steps.Items)
            {
                if (ParseStep(item, parsed.Count, problems) is { } step)
                {
                    parsed.Add(step);
                }
            }
        }

        return (new Sequence(source, name, description, parsed), problems);
    }

    private static SequenceStep? ParseStep(SourceNode node, int index, List<SequenceProblem> problems)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            problems.Add(new(node.Location, $"a step must be an object, found {node.KindName}"));
            return null;
        }

        var typed = node.Members.FirstOrDefault(m => m.Key == "type").Value;
        var isTypedWait = typed is not null;
        if (typed is not null && !(typed.Scalar is string t && t == "wait_for"))
        {
            problems.Add(new(typed.Location, $"unknown step type {SourceReader.Show(typed.Scalar)}; the only type is \"wait_for\""));
        }

        var before = problems.Count;
        var members = Members(node, isTypedWait ? TypedWaitKeys : FullStepKeys, problems);
        var name = Text(members, "name", problems) ?? Text(members, "step", problems) ?? Text(members, "note", problems) ?? $"step {index + 1}";
        Text(members, "description", problems);
        var step = new SequenceStep(index, name, node.Location)
        {
            Verify = Bool(members, "verify", problems) ?? true,
            VerifyTimeout = Millis(members, "verify_timeout_ms", problems) ?? SequenceDefaults.VerifyTimeout,
            AbortOnFailure = Bool(members, "abort_on_failure", problems) ?? true,
            Sleep = Millis(members, "sleep_ms", problems) ?? Millis(members, "post_sleep_ms", problems) ?? TimeSpan.Zero,
            Reads = Reads(members.GetValueOrDefault("reads"), problems),
        };
        if (members.ContainsKey("sleep_ms") && members.ContainsKey("post_sleep_ms"))
        {
            problems.Add(new(members["post_sleep_ms"].Location, "post_sleep_ms is an alias of sleep_ms; give only one"));
        }

        if (isTypedWait)
        {
            step = step with { WaitFor = TypedWait(node, members, problems) };
        }
        else
        {
            var writes = new List<StepWrite>();
            if (members.GetValueOrDefault("writes") is { } w)
            {
                writes.AddRange(Writes(w, problems));
            }

            if (members.ContainsKey("m") || members.ContainsKey("p") || members.ContainsKey("v"))
            {
                writes.AddRange(ShortWrites(node, members, problems));
            }

            step = step with
            {
                Writes = writes,
                WaitFor = members.GetValueOrDefault("wait_for") is { } wait ? WaitFor(wait, problems) : null,
            };
        }

        if (step.Writes.Count == 0 && step.Reads.Count == 0 && step.WaitFor is null && step.Sleep == TimeSpan.Zero && problems.Count == before)
        {
            problems.Add(new(node.Location, "the step does nothing: give writes, reads, wait_for, sleep_ms, or the short form m/p/v"));
        }

        return step;
    }

    private static IEnumerable<StepWrite> Writes(SourceNode node, List<SequenceProblem> problems)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            problems.Add(new(node.Location, $"\"writes\" must be an object {{\"704.WSetPct\": 30, ...}}, found {node.KindName}"));
            yield break;
        }

        foreach (var (point, value) in Distinct(node, problems))
        {
            if (PointName(point, value.Location, problems) && WriteValue(value, problems) is { } v)
            {
                yield return new StepWrite(point, v, value.Location);
            }
        }
    }

    private static List<StepWrite> ShortWrites(SourceNode step, Dictionary<string, SourceNode> members, List<SequenceProblem> problems)
    {
        var writes = new List<StepWrite>();
        if (members.ContainsKey("writes"))
        {
            problems.Add(new(step.Location, "give writes either as \"writes\" or in the short form m/p/v, not both"));
            return writes;
        }

        var m = members.GetValueOrDefault("m");
        var p = members.GetValueOrDefault("p");
        var v = members.GetValueOrDefault("v");
        if (m is null || p is null || v is null)
        {
            problems.Add(new(step.Location, "the short form needs all of \"m\" (model id), \"p\" (point names) and \"v\" (values)"));
            return writes;
        }

        var model = m.Scalar is decimal d && d == decimal.Truncate(d) && d is >= 1 and <= 65534 ? (int)d : (int?)null;
        if (model is null)
        {
            problems.Add(new(m.Location, $"\"m\" must be a model id (a whole number, e.g. 704), found {SourceReader.Show(m.Scalar ?? m.KindName)}"));
        }

        if (p.Kind != JsonValueKind.Array || v.Kind != JsonValueKind.Array)
        {
            problems.Add(new((p.Kind != JsonValueKind.Array ? p : v).Location, "\"p\" and \"v\" must be arrays"));
            return writes;
        }

        if (p.Items.Count != v.Items.Count)
        {
            problems.Add(new(v.Location, $"\"p\" names {p.Items.Count} points but \"v\" has {v.Items.Count} values; they pair up one to one"));
            return writes;
        }

        for (var i = 0; i < p.Items.Count; i++)
        {
            if (p.Items[i].Scalar is not string pointName)
            {
                problems.Add(new(p.Items[i].Location, $"a point name must be a string, found {p.Items[i].KindName}"));
                continue;
            }

            var value = WriteValue(v.Items[i], problems);
            var full = $"{model}.{pointName}";
            if (model is not null && PointName(full, p.Items[i].Location, problems) && value is not null)
            {
                writes.Add(new StepWrite(full, value, v.Items[i].Location));
            }
        }

        return writes;
    }

    private static List<StepRead> Reads(SourceNode? node, List<SequenceProblem> problems)
    {
        var reads = new List<StepRead>();
        if (node is null)
        {
            return reads;
        }

        if (node.Kind != JsonValueKind.Array)
        {
            problems.Add(new(node.Location, $"\"reads\" must be an array of point names, found {node.KindName}"));
            return reads;
        }

        foreach (var item in node.Items)
        {
            if (item.Scalar is not string point)
            {
                problems.Add(new(item.Location, $"a point name must be a string, found {item.KindName}"));
            }
            else if (PointName(point, item.Location, problems))
            {
                reads.Add(new StepRead(point, item.Location));
            }
        }

        return reads;
    }

    private static WaitCondition? WaitFor(SourceNode node, List<SequenceProblem> problems)
    {
        if (node.Kind != JsonValueKind.Object)
        {
            problems.Add(new(node.Location, $"\"wait_for\" must be an object {{\"point\", \"operator\", \"value\", \"timeout_ms\", \"poll_ms\"}}, found {node.KindName}"));
            return null;
        }

        var members = Members(node, WaitForKeys, problems);
        return Condition(node, members, Millis(members, "timeout_ms", problems), Millis(members, "poll_ms", problems), problems);
    }

    private static WaitCondition? TypedWait(SourceNode node, Dictionary<string, SourceNode> members, List<SequenceProblem> problems)
    {
        var timeout = Seconds(members, "timeout", problems) ?? Millis(members, "timeout_ms", problems);
        var poll = Seconds(members, "interval", problems) ?? Millis(members, "poll_ms", problems);
        return Condition(node, members, timeout, poll, problems);
    }

    private static WaitCondition? Condition(SourceNode node, Dictionary<string, SourceNode> members, TimeSpan? timeout, TimeSpan? poll, List<SequenceProblem> problems)
    {
        var point = Text(members, "point", problems);
        if (point is null)
        {
            problems.Add(new(node.Location, "wait_for needs \"point\" (e.g. \"713.SoC\")"));
        }

        var op = CompareOperator.Equal;
        if (members.GetValueOrDefault("operator") is { } opNode)
        {
            var parsed = opNode.Scalar is string s ? CompareOperators.Parse(s) : null;
            if (parsed is null)
            {
                problems.Add(new(opNode.Location, $"operator {SourceReader.Show(opNode.Scalar ?? opNode.KindName)} is not one of {string.Join(", ", CompareOperators.Symbols)}"));
            }

            op = parsed ?? op;
        }

        var valueNode = members.GetValueOrDefault("value");
        if (valueNode is null)
        {
            problems.Add(new(node.Location, "wait_for needs \"value\" to compare with"));
        }

        var value = valueNode is null ? null : WriteValue(valueNode, problems);
        if (poll is { } p && p <= TimeSpan.Zero)
        {
            problems.Add(new(node.Location, "the poll interval must be more than 0"));
        }

        if (point is null || value is null || !PointName(point, members["point"].Location, problems))
        {
            return null;
        }

        return new WaitCondition(point, op, value, timeout ?? SequenceDefaults.WaitTimeout, poll ?? SequenceDefaults.WaitPoll, node.Location);
    }

    private static Dictionary<string, SourceNode> Members(SourceNode node, string[] known, List<SequenceProblem> problems)
    {
        var members = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        foreach (var (key, value) in Distinct(node, problems))
        {
            if (!known.Contains(key))
            {
                problems.Add(new(value.Location, $"unknown key \"{key}\" (known here: {string.Join(", ", known)})"));
                continue;
            }

            members[key] = value;
        }

        return members;
    }

    private static IEnumerable<KeyValuePair<string, SourceNode>> Distinct(SourceNode node, List<SequenceProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (!seen.Add(member.Key))
            {
                problems.Add(new(member.Value.Location, $"\"{member.Key}\" is given twice"));
                continue;
            }

            yield return member;
        }
    }

    private static bool PointName(string point, SourceLocation location, List<SequenceProblem> problems)
    {
        try
        {
            PointPath.Parse(point);
            return true;
        }
        catch (SunSpecPointException ex)
        {
            problems.Add(new(location, ex.Message));
            return false;
        }
    }

    private static object? WriteValue(SourceNode node, List<SequenceProblem> problems)
    {
        if (node.Scalar is decimal or double or string)
        {
            return node.Scalar is double d ? (object)d : node.Scalar;
        }

        problems.Add(new(node.Location, $"a value must be a number (in the point's units) or an enum symbol name, found {node.KindName}"));
        return null;
    }

    private static string? Text(Dictionary<string, SourceNode> members, string key, List<SequenceProblem> problems) =>
        Scalar(members, key, v => v is string, "a string", problems) as string;

    private static bool? Bool(Dictionary<string, SourceNode> members, string key, List<SequenceProblem> problems) =>
        Scalar(members, key, v => v is bool, "true or false", problems) as bool?;

    private static object? Scalar(Dictionary<string, SourceNode> members, string key, Func<object?, bool> accepts, string expected, List<SequenceProblem> problems)
    {
        if (members.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        if (accepts(node.Scalar))
        {
            return node.Scalar;
        }

        problems.Add(new(node.Location, $"\"{key}\" must be {expected}, found {node.KindName}"));
        return null;
    }

    private static TimeSpan? Millis(Dictionary<string, SourceNode> members, string key, List<SequenceProblem> problems) =>
        Duration(members, key, 1, "milliseconds", problems);

    private static TimeSpan? Seconds(Dictionary<string, SourceNode> members, string key, List<SequenceProblem> problems) =>
        Duration(members, key, 1000, "seconds", problems);

    private static TimeSpan? Duration(Dictionary<string, SourceNode> members, string key, decimal msPerUnit, string units, List<SequenceProblem> problems)
    {
        if (members.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        // A day is the longest wait that makes sense in one step; longer is almost surely a unit mistake.
        // Divide, not multiply: "timeout": 79228162514264337593543950335 (decimal.MaxValue) times 1000 overflows.
        if (node.Scalar is decimal d && d >= 0 && d <= 86_400_000m / msPerUnit && (msPerUnit > 1 || d == decimal.Truncate(d)))
        {
            return TimeSpan.FromMilliseconds((double)(d * msPerUnit));
        }

        problems.Add(new(node.Location, $"\"{key}\" must be {(msPerUnit > 1 ? "a number of" : "a whole number of")} {units} from 0 to one day, found {SourceReader.Show(node.Scalar ?? node.KindName)}"));
        return null;
    }
}
