using EnergyTap.SunSpec.Catalog;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Images;
using EnergyTap.SunSpec.Tests.Fakes;

namespace EnergyTap.SunSpec.Tests;

public sealed class ModelFileTests : IDisposable
{
    private const string VendorModel = """
        {
          "id": 64100,
          "group": {
            "name": "vendor", "type": "group", "label": "ignored prose",
            "points": [
              { "name": "ID", "type": "uint16", "size": 1, "value": 64100, "mandatory": "M", "static": "S" },
              { "name": "L", "type": "uint16", "size": 1, "mandatory": "M", "static": "S" },
              { "name": "Mode", "type": "enum16", "size": 1, "access": "RW", "symbols": [ { "name": "OFF", "value": 0 }, { "name": "ON", "value": 1 } ] },
              { "name": "N", "type": "uint16", "size": 1, "static": "S" },
              { "name": "W", "type": "int16", "size": 1, "sf": "W_SF", "units": "W" },
              { "name": "Fixed", "type": "uint16", "size": 1, "sf": -1 },
              { "name": "W_SF", "type": "sunssf", "size": 1 }
            ],
            "groups": [
              { "name": "Ch", "type": "group", "count": "N",
                "points": [ { "name": "A", "type": "int16", "size": 1, "sf": "W_SF" }, { "name": "Tag", "type": "string", "size": 2 } ] }
            ]
          }
        }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("energytap-models-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void An_official_format_file_adds_a_model_to_the_catalog()
    {
        File.WriteAllText(Path.Combine(directory, "model_64100.json"), VendorModel);

        var catalog = ModelCatalog.Builtin.WithModelsFrom(directory);

        var model = catalog.Find(64100)!;
        Assert.Equal("vendor", model.Name);
        Assert.Equal(["ID", "L", "Mode", "N", "W", "Fixed", "W_SF"], model.Group.Points.Select(p => p.Name));
        Assert.Equal(-1, model.Group.Points.Single(p => p.Name == "Fixed").ScaleFactor!.Fixed);
        Assert.Equal("N", model.Group.Groups[0].Count.PointName);
        Assert.NotNull(catalog.Find(704));
    }

    [Fact]
    public async Task A_loaded_model_is_decoded_by_a_scan_with_its_repeating_groups()
    {
        File.WriteAllText(Path.Combine(directory, "model_64100.json"), VendorModel);
        var catalog = ModelCatalog.Builtin.WithModelsFrom(directory);
        var image = new SunSpecImageBuilder(catalog)
            .Add(64100, new Dictionary<string, object?> { ["Mode"] = "ON", ["N"] = 2, ["W_SF"] = 1, ["W"] = 1230, ["Fixed"] = 2.5, ["Ch[2].A"] = 40, ["Ch[2].Tag"] = "b" })
            .Build(40000);

        var known = await SunSpecScanner.ScanAsync(RegisterBankClient.From(image), new SunSpecScanOptions { Catalog = catalog });
        var unknown = await SunSpecScanner.ScanAsync(RegisterBankClient.From(image));

        Assert.Equal("ON", known.Latest.Read("64100.Mode").Symbol);
        Assert.Equal(1230.0, known.Latest.Read("64100.W").Value);
        Assert.Equal(2.5, known.Latest.Read("64100.Fixed").Value);
        Assert.Equal(40.0, known.Latest.Read("64100.Ch[2].A").Value);
        Assert.Equal("b", known.Latest.Read("64100.Ch[2].Tag").Value);
        Assert.Null(unknown.Map.Find(64100)!.Definition);
        Assert.Equal(known.Map.Find(64100)!.Length, unknown.Map.Find(64100)!.Length);

        // Without its definition the point has no name: the library says so and which model, not how a caller loads it.
        var error = Assert.Throws<SunSpecPointException>(() => unknown.Map.Resolve("64100.W"));
        Assert.Equal("64100.W: model 64100 is not in the catalog, so its points have no names", error.Message);
        Assert.Equal(64100, error.UncataloguedModelId);
        Assert.Null(Assert.Throws<SunSpecPointException>(() => known.Map.Resolve("64100.Nope")).UncataloguedModelId);
    }

    [Fact]
    public void A_file_replaces_a_builtin_model_with_the_same_id()
    {
        File.WriteAllText(Path.Combine(directory, "model_713.json"), VendorModel.Replace("64100", "713", StringComparison.Ordinal));

        var catalog = ModelCatalog.Builtin.WithModelsFrom(directory);

        Assert.Equal("vendor", catalog.Find(713)!.Name);
        Assert.Equal("DERStorageCapacity", ModelCatalog.Builtin.Find(713)!.Name);
    }

    [Theory]
    [InlineData("\"type\": \"int16\", \"size\": 1, \"sf\": \"W_SF\"", "\"type\": \"int17\", \"size\": 1, \"sf\": \"W_SF\"", "$.group.points[4].type", "'int17' is not a SunSpec point type")]
    [InlineData("\"sf\": \"W_SF\", \"units\"", "\"sf\": \"NoSuch_SF\", \"units\"", "$.group.points[4].sf", "'NoSuch_SF' is not a sunssf point")]
    [InlineData("\"count\": \"N\"", "\"count\": \"Missing\"", "$.group.groups[0].count", "'Missing' is not a point")]
    [InlineData("{ \"name\": \"OFF\", \"value\": 0 }", "{ \"name\": \"OFF\", \"value\": \"zero\" }", "$.group.points[2].symbols[0].value", "integer")]
    [InlineData("\"access\": \"RW\"", "\"access\": \"W\"", "$.group.points[2].access", "'W' is not R or RW")]
    [InlineData("{ \"name\": \"W_SF\", \"type\": \"sunssf\", \"size\": 1 }", "{ \"name\": \"W_SF\", \"type\": \"sunssf\", \"size\": 2 }", "$.group.points[6].size", "sunssf takes 1 register")]
    [InlineData("\"id\": 64100", "\"id\": \"x\"", "$.id", "must be an integer")]
    public void An_invalid_file_names_the_file_and_the_json_path(string find, string replace, string path, string problem)
    {
        var file = Path.Combine(directory, "model_64100.json");
        File.WriteAllText(file, VendorModel.Replace(find, replace, StringComparison.Ordinal));

        var ex = Assert.Throws<SunSpecModelFileException>(() => ModelCatalog.Builtin.WithModelsFrom(directory));

        Assert.Equal(file, ex.File);
        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(problem, ex.Message);
        Assert.StartsWith(file, ex.Message);
    }

    [Fact]
    public void Broken_json_syntax_names_the_file_and_line()
    {
        var file = Path.Combine(directory, "model_64100.json");
        File.WriteAllText(file, "{\n  \"id\": 64100,\n  \"group\": { \"name\": }\n}");

        var ex = Assert.Throws<SunSpecModelFileException>(() => ModelCatalog.Builtin.WithModelsFrom(directory));

        Assert.Contains("line 3", ex.Message);
        Assert.Contains(file, ex.Message);
    }

    [Fact]
    public void A_file_name_that_disagrees_with_the_id_is_refused()
    {
        var file = Path.Combine(directory, "model_64200.json");
        File.WriteAllText(file, VendorModel);

        var ex = Assert.Throws<SunSpecModelFileException>(() => ModelCatalog.LoadFile(file));

        Assert.Contains("says model 64200 but the id is 64100", ex.Message);
    }
}
