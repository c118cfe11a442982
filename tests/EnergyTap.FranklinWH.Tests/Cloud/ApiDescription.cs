using System.Text.Json;

namespace EnergyTap.FranklinWH.Tests.Cloud;

/// <summary>
/// The FranklinWH cloud API description (../shared/reference/franklinwh-cloud/franklinwh_openapi.json, generated from
/// captured app traffic), read at test time so that neither the simulator nor the client can drift from it.
/// ENERGYTAP_FRANKLINWH_OPENAPI points elsewhere. A missing file fails the test; it never silently passes.
/// </summary>
public sealed class ApiDescription
{
    private readonly JsonElement _paths;

    private ApiDescription(JsonElement root) => _paths = root.GetProperty("paths");

    public static ApiDescription Load()
    {
        var path = Environment.GetEnvironmentVariable("ENERGYTAP_FRANKLINWH_OPENAPI") ?? DefaultPath();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the FranklinWH cloud API description is missing at {path}; set ENERGYTAP_FRANKLINWH_OPENAPI", path);
        }

        return new ApiDescription(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());
    }

    private static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyTap.slnx")))
            {
                // Paths, methods and shapes derived from ../shared/reference/franklinwh-cloud (prose removed), kept in the repo so a fresh clone tests against it.
                return Path.Combine(dir.FullName, "tests", "EnergyTap.FranklinWH.Tests", "Cloud", "franklinwh-cloud-api.json");
            }
        }

        return "franklinwh_openapi.json";
    }

    /// <summary>The operation for a method and path ("/hes-gateway/..."), or null when the description has none.</summary>
    public JsonElement? Operation(HttpMethod method, string path) =>
        _paths.TryGetProperty(path, out var item) && item.TryGetProperty(method.Method.ToLowerInvariant(), out var op) ? op : null;

    public IEnumerable<string> MethodsOf(string path) =>
        _paths.TryGetProperty(path, out var item) ? item.EnumerateObject().Select(p => p.Name.ToUpperInvariant()) : [];

    public static JsonElement? RequestSchema(JsonElement op) =>
        op.TryGetProperty("requestBody", out var body) ? body.GetProperty("content").GetProperty("application/json").GetProperty("schema") : null;

    public static JsonElement ResponseSchema(JsonElement op) =>
        op.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    /// <summary>
    /// Differences between a value and a schema. <paramref name="complete"/>: every described property must be
    /// present (answers); otherwise only described properties may appear (requests). Extra properties are always
    /// reported. A property the description knows only as null (no type) may hold anything; a typed one may be null
    /// only at the paths in <paramref name="nullable"/>.
    /// </summary>
    public static List<string> Check(JsonElement value, JsonElement schema, string at, bool complete, IReadOnlySet<string>? nullable = null)
    {
        var problems = new List<string>();
        Walk(value, schema, at, complete, nullable ?? new HashSet<string>(), problems);
        return problems;
    }

    private static void Walk(JsonElement value, JsonElement schema, string at, bool complete, IReadOnlySet<string> nullable, List<string> problems)
    {
        if (!schema.TryGetProperty("type", out var typeElement))
        {
            return; // seen only as null (or never filled): no shape to hold it to
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable.Contains(at))
            {
                problems.Add($"{at}: null where the description has {typeElement.GetString()}");
            }

            return;
        }

        var type = typeElement.GetString();
        var ok = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "integer" or "number" => value.ValueKind == JsonValueKind.Number,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{at}: {value.ValueKind.ToString().ToLowerInvariant()} where the description has {type}");
            return;
        }

        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Walk(item, items, $"{at}[{i++}]", complete, nullable, problems);
            }
        }

        if (type != "object" || !schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Walk(property.Value, propertySchema, $"{at}.{property.Name}", complete, nullable, problems);
            }
            else
            {
                problems.Add($"{at}.{property.Name}: not in the description");
            }
        }

        if (complete)
        {
            problems.AddRange(properties.EnumerateObject().Where(p => !value.TryGetProperty(p.Name, out _)).Select(p => $"{at}.{p.Name}: missing"));
        }
    }
}
