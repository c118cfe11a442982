using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EnergyTap.SunSpec.Sequencing.Json;

/// <summary>Reads JSON into <see cref="SourceNode"/>s with paths and line numbers (comments and trailing commas allowed).</summary>
internal static class SourceReader
{
    private const int MaxDepth = 64;

    /// <exception cref="SequenceValidationException">The text is not JSON; the problem names the line.</exception>
    public static SourceNode Read(string json, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        var lines = new LineCounter(bytes);
        try
        {
            if (!reader.Read())
            {
                throw new SequenceValidationException(source, [new SequenceProblem(new SourceLocation("$", 1), "the file is empty")]);
            }

            var root = ReadValue(ref reader, "$", lines);
            if (reader.Read())
            {
                throw new JsonException("more than one JSON value in the file");
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var message = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            throw new SequenceValidationException(source, [new SequenceProblem(new SourceLocation(ex.Path ?? "$", line), $"not valid JSON: {message}")]);
        }
    }

    private static SourceNode ReadValue(ref Utf8JsonReader reader, string path, LineCounter lines)
    {
        var line = lines.LineAt(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new SourceNode(JsonValueKind.Object, path, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = Text(ref reader, path, lines);
                    reader.Read();
                    obj.Members.Add(new(name, ReadValue(ref reader, Member(path, name), lines)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new SourceNode(JsonValueKind.Array, path, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, $"{path}[{array.Items.Count}]", lines));
                }

                return array;
            case JsonTokenType.String:
                return new SourceNode(JsonValueKind.String, path, line) { Scalar = Text(ref reader, path, lines) };
            case JsonTokenType.Number:
                return new SourceNode(JsonValueKind.Number, path, line) { Scalar = Number(ref reader) };
            case JsonTokenType.True:
                return new SourceNode(JsonValueKind.True, path, line) { Scalar = true };
            case JsonTokenType.False:
                return new SourceNode(JsonValueKind.False, path, line) { Scalar = false };
            default:
                return new SourceNode(JsonValueKind.Null, path, line);
        }
    }

    /// <summary>
    /// The reader accepts "\ud800" (half a UTF-16 surrogate pair) as JSON but cannot turn it into text; that is reported
    /// like any other JSON error, with its line, instead of escaping as InvalidOperationException.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader, string path, LineCounter lines)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("a string holds half a UTF-16 surrogate pair (a lone \\uD800-\\uDFFF escape)", path, lines.LineAt(reader.TokenStartIndex) - 1, null);
        }
    }

    private static object Number(ref Utf8JsonReader reader) =>
        reader.TryGetDecimal(out var exact) ? exact : reader.GetDouble();

    private static string Member(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{string.Concat(name.Select(Escape))}']";

    /// <summary>Quotes and control characters in a key are escaped, so a path stays one line and unambiguous.</summary>
    private static string Escape(char c) =>
        c == '\'' ? "\\'" : char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:x4}" : c.ToString();

    /// <summary>Turns byte offsets into 1-based lines, moving forward only (tokens arrive in order).</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long scanned;
        private int line = 1;

        public int LineAt(long offset)
        {
            for (; scanned < offset && scanned < bytes.Length; scanned++)
            {
                if (bytes[scanned] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
