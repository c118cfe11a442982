using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyTap.Fuzzing;

/// <summary>
/// Deterministic structure-aware JSON mutations of a seed document: delete, duplicate and rename keys, swap a value
/// for another type (numbers to strings, null, arrays), huge and non-finite numbers, "NaN"-like strings, broken
/// surrogates, deep nesting, splices of other parts of the document; sometimes a byte-level mutation on top.
/// </summary>
internal sealed class JsonMutator
{
    /// <summary>Raw JSON that a JsonNode cannot hold (1e400, "\ud800", 5000 nested arrays) travels as a marked string.</summary>
    private const string Raw = "\u0001raw:";

    /// <summary>JSON values that break naive parsers: huge, non-finite, NaN-ish, broken surrogates, wrong types.</summary>
    public static readonly string[] OddTokens =
    [
        "null", "true", "false", "0", "-0", "-1", "1.5", "1e400", "-1e400", "1e-400", "0.1e99999",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336", "9223372036854775808", "18446744073709551616",
        "\"nan\"", "\"NaN\"", "\"inf\"", "\"-Infinity\"", "\"\"", "\" \"", "\"-\"", "\"1e400\"", "\"-1\"", "\"0x10\"",
        "\"99999999999999999999\"", "\"999999999999999999\"", "\"9999,99,99,99,99,99\"", "\"2025,02,30,25,61,61\"",
        "\"0,0,0,0,0,0\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\u0000\"", "\"a\\nb\"", "\"\u0663\"", "\"1\u0663\"",
        "[]", "{}", "[null]", "[[]]", "{\"\":null}", "\"/\"",
    ];

    private static readonly string[] OddNames =
    [
        "", " ", "/", "\\ud800", "a\\nb", "\u0663", "99999999999", "-1", "nan", "__proto__", "$ref", "\u00e9",
    ];

    private readonly ByteMutator bytes;
    private readonly string[] vocabulary;

    /// <param name="vocabulary">Key names worth trying (the target's own keys), besides the seed's.</param>
    public JsonMutator(int seed, IEnumerable<string> vocabulary)
    {
        bytes = new ByteMutator(seed);
        this.vocabulary = [.. vocabulary];
    }

    public Random Random => bytes.Random;

    /// <summary>The mutated document as UTF-8 (byte-level mutations may leave it invalid UTF-8 on purpose).</summary>
    public byte[] MutateToUtf8(string seed)
    {
        var root = JsonNode.Parse(seed, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!;
        var duplicates = new Dictionary<JsonObject, string>(ReferenceEqualityComparer.Instance);
        var rounds = 1 + Random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            root = MutateOnce(root, duplicates);
        }

        var text = new StringBuilder();
        Emit(text, root, duplicates);
        var utf8 = Encoding.UTF8.GetBytes(text.ToString());
        return Random.Next(5) == 0 ? bytes.Mutate(utf8) : utf8;
    }

    /// <summary>The mutated document as text (invalid UTF-8 from byte mutations becomes U+FFFD).</summary>
    public string Mutate(string seed) => Encoding.UTF8.GetString(MutateToUtf8(seed));

    /// <summary>
    /// Feeds <paramref name="cases"/> mutations of the seeds (in turn) to <paramref name="accepts"/> and checks the mix:
    /// mutations that all fail test only the parser's first check, and ones that all pass test nothing.
    /// </summary>
    public void Run<T>(IReadOnlyList<string> seeds, Func<string, T> mutate, int cases, double minimumAccepted, Func<T, int, bool> accepts)
    {
        var accepted = 0;
        for (var i = 0; i < cases; i++)
        {
            if (accepts(mutate(seeds[i % seeds.Count]), i))
            {
                accepted++;
            }
        }

        Assert.InRange(accepted, (int)(cases * minimumAccepted), cases - 1);
    }

    public static string[] KeysOf(IEnumerable<string> documents) =>
        [.. documents.SelectMany(d => Nodes(JsonNode.Parse(d, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })))
            .OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key)).Distinct()];

    private JsonNode MutateOnce(JsonNode root, Dictionary<JsonObject, string> duplicates)
    {
        var nodes = Nodes(root).ToList();
        var target = nodes[Random.Next(nodes.Count)];
        switch (Random.Next(10))
        {
            case 0:
                Remove(target);
                return root;
            case 1:
            case 2:
                return Replace(root, target, RawToken(OddTokens[Random.Next(OddTokens.Length)]));
            case 3:
                return Replace(root, target, SwapType(target));
            case 4:
                var depth = Random.Next(8) == 0 ? 5000 : Random.Next(1, 80);
                return Replace(root, target, RawToken(Random.Next(2) == 0
                    ? string.Concat(Enumerable.Repeat("[", depth)) + "1" + string.Concat(Enumerable.Repeat("]", depth))
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + string.Concat(Enumerable.Repeat("}", depth))));
            case 5 when target is JsonObject { Count: > 0 } obj:
                duplicates[obj] = obj.ElementAt(Random.Next(obj.Count)).Key;
                return root;
            case 6 when target.Parent is JsonObject parent:
                var name = Random.Next(2) == 0 ? vocabulary[Random.Next(vocabulary.Length)] : MutateName(target.GetPropertyName());
                parent.Remove(target.GetPropertyName());
                parent[name] = target;
                return root;
            case 7 when target is JsonArray { Count: > 0 } array:
                array.Insert(Random.Next(array.Count + 1), array[Random.Next(array.Count)]?.DeepClone());
                return root;
            case 8:
                return Replace(root, target, nodes[Random.Next(nodes.Count)]?.DeepClone());
            default:
                if (target is JsonObject into)
                {
                    into[vocabulary[Random.Next(vocabulary.Length)]] = RawToken(OddTokens[Random.Next(OddTokens.Length)]);
                    return root;
                }

                return Replace(root, target, target.GetValueKind() == JsonValueKind.String ? MutateString(target.GetValue<string>()) : JsonValue.Create(new string('9', 5000)));
        }
    }

    private JsonNode? SwapType(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Number => JsonValue.Create(node.ToJsonString())!,
        JsonValueKind.String => RawToken(node.GetValue<string>() is var s && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _) && !s.Contains(',', StringComparison.Ordinal) ? s : "null"),
        JsonValueKind.Object or JsonValueKind.Array => JsonValue.Create(node.ToJsonString())!,
        _ => new JsonArray(node.DeepClone()),
    };

    private JsonNode MutateString(string value)
    {
        var digits = value.Select((c, i) => (c, i)).Where(x => char.IsAsciiDigit(x.c)).Select(x => x.i).ToList();
        return Random.Next(4) switch
        {
            0 when digits.Count > 0 => JsonValue.Create(value.Insert(digits[Random.Next(digits.Count)], "99999999999"))!,
            1 when digits.Count > 0 => JsonValue.Create(value.Remove(digits[0], 1).Insert(digits[0], "\u0663"))!,
            2 => RawToken("\"" + JsonEncodedText.Encode(value).ToString() + "\\ud800\""),
            _ => JsonValue.Create(value + "e999")!,
        };
    }

    private string MutateName(string name)
    {
        var digit = name.IndexOfAny("0123456789".ToCharArray());
        return Random.Next(4) switch
        {
            0 => OddNames[Random.Next(OddNames.Length)],
            1 => name.ToUpperInvariant(),
            2 when digit >= 0 => name.Remove(digit, 1).Insert(digit, Random.Next(2) == 0 ? "99999999999" : "\u0663"),
            _ => name + "\\ud800",
        };
    }

    private static JsonNode RawToken(string json) => JsonValue.Create(Raw + json)!;

    private static JsonNode Replace(JsonNode root, JsonNode target, JsonNode? replacement)
    {
        replacement = replacement?.Parent is null ? replacement : replacement.DeepClone();
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                return root;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                return root;
            default:
                return replacement ?? RawToken("null"); // the root itself
        }
    }

    private static void Remove(JsonNode target)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent.Remove(target.GetPropertyName());
                break;
            case JsonArray array:
                array.RemoveAt(target.GetElementIndex());
                break;
        }
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var descendant in Nodes(child))
            {
                yield return descendant;
            }
        }
    }

    private static void Emit(StringBuilder text, JsonNode? node, Dictionary<JsonObject, string> duplicates)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                var members = obj.ToList();
                if (duplicates.TryGetValue(obj, out var twice) && obj.ContainsKey(twice))
                {
                    members.Add(new(twice, obj[twice]));
                }

                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",").Append(Name(members[i].Key)).Append(':');
                    Emit(text, members[i].Value, duplicates);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Emit(text, array[i], duplicates);
                }

                text.Append(']');
                break;
            default:
                text.Append(node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is var s && s.StartsWith(Raw, StringComparison.Ordinal)
                    ? s[Raw.Length..]
                    : node.ToJsonString());
                break;
        }
    }

    /// <summary>Names from <see cref="OddNames"/> may carry escapes (\ud800) that must reach the parser unencoded.</summary>
    private static string Name(string key) =>
        key.Contains('\\', StringComparison.Ordinal) ? $"\"{key}\"" : JsonSerializer.Serialize(key);
}
