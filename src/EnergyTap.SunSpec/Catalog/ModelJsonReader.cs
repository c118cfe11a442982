using System.Globalization;
using System.Text.Json;

namespace EnergyTap.SunSpec.Catalog;

/// <summary>
/// Reads an official SunSpec model definition (model_&lt;id&gt;.json, the schema in the SunSpec models repository).
/// Only facts are kept (names, types, sizes, scale factors, units, access, mandatory, static, symbols, groups);
/// any problem is a <see cref="SunSpecModelFileException"/> naming the file and the JSON path.
/// </summary>
internal sealed class ModelJsonReader
{
    private readonly string source;

    private ModelJsonReader(string source) => this.source = source;

    public static ModelDefinition Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new SunSpecModelFileException(source, "$", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message.Split(" LineNumber", 2)[0]}", ex);
        }

        using (document)
        {
            return new ModelJsonReader(source).ReadModel(document.RootElement);
        }
    }

    private ModelDefinition ReadModel(JsonElement root)
    {
        Expect(root, "$", JsonValueKind.Object);
        var id = RequiredInt(root, "$", "id", 1, 65535);
        var group = ReadGroup(Required(root, "$", "group"), "$.group");
        if (group.Points.Count < 2 || group.Points[0].Name != "ID" || group.Points[1].Name != "L")
        {
            throw Fail("$.group.points", "the top-level group must start with the points ID and L");
        }

        var model = new ModelDefinition(id, group);
        new ReferenceCheck(this).Check(group, "$.group", []);
        return model;
    }

    private GroupDefinition ReadGroup(JsonElement element, string path)
    {
        Expect(element, path, JsonValueKind.Object);
        var name = RequiredString(element, path, "name");
        var type = RequiredString(element, path, "type");
        if (type is not ("group" or "sync"))
        {
            throw Fail($"{path}.type", $"'{type}' is not a group type (group or sync)");
        }

        var count = GroupCount.One;
        if (element.TryGetProperty("count", out var countElement))
        {
            count = countElement.ValueKind switch
            {
                JsonValueKind.Number when countElement.TryGetInt32(out var n) && n >= 0 => GroupCount.Constant(n),
                JsonValueKind.String when countElement.GetString() is { Length: > 0 } s => GroupCount.Point(s),
                _ => throw Fail($"{path}.count", "must be a non-negative integer or the name of a count point"),
            };
        }

        var points = ReadArray(element, path, "points", ReadPoint);
        var groups = ReadArray(element, path, "groups", ReadGroup);
        return new GroupDefinition(name, points, groups) { Count = count, IsSync = type == "sync" };
    }

    private PointDefinition ReadPoint(JsonElement element, string path)
    {
        Expect(element, path, JsonValueKind.Object);
        var name = RequiredString(element, path, "name");
        var typeName = RequiredString(element, path, "type");
        if (!PointTypes.TryParse(typeName, out var type))
        {
            throw Fail($"{path}.type", $"'{typeName}' is not a SunSpec point type");
        }

        var size = RequiredInt(element, path, "size", 1, 125);
        if (type.DefaultSize() != 0 && size != type.DefaultSize())
        {
            throw Fail($"{path}.size", $"{typeName} takes {type.DefaultSize()} register(s), not {size}");
        }

        return new PointDefinition(name, type, size)
        {
            ScaleFactor = ReadScaleFactor(element, path),
            Units = OptionalString(element, path, "units"),
            Writable = Choice(element, path, "access", "R", "RW") == "RW",
            Mandatory = Choice(element, path, "mandatory", "O", "M") == "M",
            Static = Choice(element, path, "static", "D", "S") == "S",
            FixedValue = element.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var fixedValue) ? fixedValue : null,
            Symbols = ReadArray(element, path, "symbols", ReadSymbol),
        };
    }

    private ScaleFactorReference? ReadScaleFactor(JsonElement element, string path)
    {
        if (!element.TryGetProperty("sf", out var sf))
        {
            return null;
        }

        return sf.ValueKind switch
        {
            JsonValueKind.Number when sf.TryGetInt32(out var n) && n is >= -10 and <= 10 => ScaleFactorReference.Constant(n),
            JsonValueKind.String when sf.GetString() is { Length: > 0 } s => ScaleFactorReference.Parse(s),
            _ => throw Fail($"{path}.sf", "must be an integer from -10 to 10 or the name of a sunssf point"),
        };
    }

    private PointSymbol ReadSymbol(JsonElement element, string path)
    {
        Expect(element, path, JsonValueKind.Object);
        var name = RequiredString(element, path, "name");
        var value = Required(element, path, "value");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw Fail($"{path}.value", "a symbol's value must be an integer");
        }

        return new PointSymbol(name, number);
    }

    private T[] ReadArray<T>(JsonElement element, string path, string property, Func<JsonElement, string, T> read)
    {
        if (!element.TryGetProperty(property, out var array))
        {
            return [];
        }

        Expect(array, $"{path}.{property}", JsonValueKind.Array);
        return [.. array.EnumerateArray().Select((item, i) => read(item, $"{path}.{property}[{i}]"))];
    }

    private JsonElement Required(JsonElement element, string path, string property) =>
        element.TryGetProperty(property, out var value) ? value : throw Fail(path, $"'{property}' is required");

    private string RequiredString(JsonElement element, string path, string property)
    {
        var value = Required(element, path, property);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw Fail($"{path}.{property}", "must be a non-empty string");
    }

    private string? OptionalString(JsonElement element, string path, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Fail($"{path}.{property}", "must be a string");
    }

    private int RequiredInt(JsonElement element, string path, string property, int min, int max)
    {
        var value = Required(element, path, property);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw Fail($"{path}.{property}", $"must be an integer from {min} to {max}");
    }

    private string Choice(JsonElement element, string path, string property, string defaultValue, string other)
    {
        var value = OptionalString(element, path, property) ?? defaultValue;
        return value == defaultValue || value == other ? value : throw Fail($"{path}.{property}", $"'{value}' is not {defaultValue} or {other}");
    }

    private void Expect(JsonElement element, string path, JsonValueKind kind)
    {
        if (element.ValueKind != kind)
        {
            throw Fail(path, $"expected {kind.ToString().ToLower(CultureInfo.InvariantCulture)}, found {element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}");
        }
    }

    private SunSpecModelFileException Fail(string path, string problem) => new(source, path, problem);

    /// <summary>Every scale factor and count names a point visible from where it is used (its group or an enclosing one).</summary>
    private sealed class ReferenceCheck(ModelJsonReader reader)
    {
        public void Check(GroupDefinition group, string path, IReadOnlyList<GroupDefinition> outer)
        {
            var scope = outer.Append(group).ToList();
            for (var i = 0; i < group.Points.Count; i++)
            {
                var point = group.Points[i];
                if (point.ScaleFactor?.PointName is string sf && Find(scope, sf) is not { Type: PointType.SunSsf })
                {
                    throw reader.Fail($"{path}.points[{i}].sf", $"'{sf}' is not a sunssf point of this group or an enclosing one");
                }
            }

            for (var i = 0; i < group.Groups.Count; i++)
            {
                var sub = group.Groups[i];
                if (sub.Count.PointName is string count && Find(scope, count) is null)
                {
                    throw reader.Fail($"{path}.groups[{i}].count", $"'{count}' is not a point of this group or an enclosing one");
                }

                Check(sub, $"{path}.groups[{i}]", scope);
            }
        }

        private static PointDefinition? Find(List<GroupDefinition> scope, string name) =>
            scope.AsEnumerable().Reverse().SelectMany(g => g.Points).FirstOrDefault(p => p.Name == name);
    }
}
