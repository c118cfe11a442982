using EnergyTap.SunSpec.Catalog;

namespace EnergyTap.SunSpec.Tests;

public class CatalogTests
{
    [Fact]
    public void Builtin_catalog_has_every_model_the_project_needs()
    {
        int[] expected = [1, 101, 102, 103, 111, 112, 113, 120, 121, 122, 123, 124, 160, 201, 202, 203, 204, 502, .. Enumerable.Range(701, 15), 802];

        Assert.Equal(expected, ModelCatalog.Builtin.Models.Select(m => m.Id));
    }

    [Theory]
    [InlineData(1, 66)]
    [InlineData(701, 153)]
    [InlineData(702, 50)]
    [InlineData(703, 17)]
    [InlineData(704, 65)]
    [InlineData(713, 7)]
    [InlineData(715, 7)]
    [InlineData(502, 28)]
    [InlineData(101, 50)]
    [InlineData(103, 50)]
    [InlineData(113, 60)]
    [InlineData(203, 105)]
    public void Fixed_models_have_their_official_length(int id, int length)
    {
        Assert.Equal(length, ModelCatalog.Builtin.Find(id)!.FixedLength);
    }

    [Fact]
    public void Every_builtin_model_starts_with_ID_and_L_and_every_scale_factor_names_a_sunssf_point()
    {
        foreach (var model in ModelCatalog.Builtin.Models)
        {
            Assert.Equal(["ID", "L"], model.Group.Points.Take(2).Select(p => p.Name));
            Assert.Equal(model.Id, model.Group.Points[0].FixedValue);
            AssertReferences(model.Group, []);
        }
    }

    [Fact]
    public void Repeating_and_sync_groups_keep_their_structure()
    {
        var m714 = ModelCatalog.Builtin.Find(714)!;
        var prt = Assert.Single(m714.Group.Groups);
        Assert.Equal("NPrt", prt.Count.PointName);
        Assert.Equal(25, prt.FixedSize);
        Assert.Null(m714.FixedLength);

        var m704 = ModelCatalog.Builtin.Find(704)!;
        Assert.All(m704.Group.Groups, g => Assert.True(g.IsSync));
        Assert.Equal(["PFWInj", "PFWInjRvrt", "PFWAbs", "PFWAbsRvrt"], m704.Group.Groups.Select(g => g.Name));

        var m707 = ModelCatalog.Builtin.Find(707)!;
        var crv = Assert.Single(m707.Group.Groups);
        Assert.Equal("NCrvSet", crv.Count.PointName);
        Assert.Equal(["MustTrip", "MayTrip", "MomCess"], crv.Groups.Select(g => g.Name));
        Assert.All(crv.Groups, g => Assert.Equal("NPt", Assert.Single(g.Groups).Count.PointName));

        var module = Assert.Single(ModelCatalog.Builtin.Find(160)!.Group.Groups);
        Assert.True(module.Count.FillsModel);
    }

    [Fact]
    public void Point_facts_are_kept()
    {
        var wsetPct = ModelCatalog.Builtin.Find(704)!.Group.Points.Single(p => p.Name == "WSetPct");

        Assert.Equal(PointType.Int16, wsetPct.Type);
        Assert.Equal("WSetPct_SF", wsetPct.ScaleFactor!.PointName);
        Assert.Equal("Pct", wsetPct.Units);
        Assert.True(wsetPct.Writable);

        var sta = ModelCatalog.Builtin.Find(713)!.Group.Points.Single(p => p.Name == "Sta");
        Assert.Equal(["OK", "WARNING", "ERROR"], sta.Symbols.Select(s => s.Name));
        var sn = ModelCatalog.Builtin.Find(1)!.Group.Points.Single(p => p.Name == "SN");
        Assert.Equal((PointType.String, 16, true, true), (sn.Type, sn.Size, sn.Mandatory, sn.Static));
    }

    private static void AssertReferences(GroupDefinition group, List<GroupDefinition> outer)
    {
        var scope = outer.Append(group).ToList();
        foreach (var point in group.Points.Where(p => p.ScaleFactor?.PointName is not null))
        {
            Assert.Contains(scope.SelectMany(g => g.Points), p => p.Name == point.ScaleFactor!.PointName && p.Type == PointType.SunSsf);
        }

        foreach (var sub in group.Groups)
        {
            if (sub.Count.PointName is string count)
            {
                Assert.Contains(scope.SelectMany(g => g.Points), p => p.Name == count);
            }

            AssertReferences(sub, scope);
        }
    }
}
