using System.Globalization;
using EnergyTap.SunSpec.Catalog.Builtin;

namespace EnergyTap.SunSpec.Catalog;

/// <summary>
/// The model definitions a scan can decode. <see cref="Builtin"/> holds models 1, 101–103, 111–113, 120–124, 160,
/// 201–204, 502, 701–715 and 802; <see cref="WithModelsFrom"/> adds or replaces models from official
/// model_&lt;id&gt;.json files. Immutable: every With* returns a new catalog.
/// </summary>
public sealed class ModelCatalog
{
    private readonly IReadOnlyDictionary<int, ModelDefinition> models;

    private ModelCatalog(IReadOnlyDictionary<int, ModelDefinition> models) => this.models = models;

    public static ModelCatalog Builtin { get; } = new(BuiltinModels.All.ToDictionary(m => m.Id));

    public static ModelCatalog Empty { get; } = new(new Dictionary<int, ModelDefinition>());

    public IEnumerable<ModelDefinition> Models => models.Values.OrderBy(m => m.Id);

    public ModelDefinition? Find(int id) => models.GetValueOrDefault(id);

    public ModelCatalog With(params IEnumerable<ModelDefinition> definitions)
    {
        var merged = new Dictionary<int, ModelDefinition>(models);
        foreach (var definition in definitions)
        {
            merged[definition.Id] = definition;
        }

        return new ModelCatalog(merged);
    }

    /// <summary>Adds every model_*.json in the directory, replacing built-in models with the same id.</summary>
    public ModelCatalog WithModelsFrom(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"model directory {directory} does not exist");
        }

        return With(Directory.EnumerateFiles(directory, "model_*.json").Order(StringComparer.Ordinal).Select(LoadFile).ToList());
    }

    /// <summary>Reads one official model definition file; its name, when it is model_&lt;id&gt;.json, must agree with its id.</summary>
    public static ModelDefinition LoadFile(string path)
    {
        var model = Parse(File.ReadAllText(path), path);
        var stem = Path.GetFileNameWithoutExtension(path);
        if (stem.StartsWith("model_", StringComparison.Ordinal)
            && int.TryParse(stem.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var fileId) && fileId != model.Id)
        {
            throw new SunSpecModelFileException(path, "$.id", $"the file name says model {fileId} but the id is {model.Id}");
        }

        return model;
    }

    /// <summary>Parses official model JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ModelDefinition Parse(string json, string source = "model JSON") => ModelJsonReader.Parse(json, source);
}
