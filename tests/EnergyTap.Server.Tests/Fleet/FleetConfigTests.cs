using System.Text;
using EnergyTap.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace EnergyTap.Server.Tests.Fleet;

public sealed class FleetConfigTests
{
    private static EnergyTapConfig Fleet(Action<EnergyTapConfig>? change = null)
    {
        var config = new EnergyTapConfig
        {
            Storage = new StorageConfig { Provider = "postgres", Postgres = "Host=127.0.0.1;Database=energytap" },
            Fleet = new FleetConfig { Enabled = true },
            Sites = [new SiteConfig { Id = "home", Agates = [new AgateConfig { Host = "127.0.0.1" }] }],
        };
        change?.Invoke(config);
        return config;
    }

    [Fact]
    public void A_fleet_on_postgres_with_the_defaults_is_valid() => Assert.Empty(ConfigValidator.Validate(Fleet()));

    [Fact]
    public void A_fleet_needs_postgres()
    {
        var errors = ConfigValidator.Validate(Fleet(c => c.Storage = new StorageConfig()));

        Assert.Equal("fleet.enabled: a fleet needs storage.provider postgres (the instances share their site leases there)", Assert.Single(errors));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void The_lease_is_between_5_and_600_seconds(int seconds, bool valid)
    {
        var errors = ConfigValidator.Validate(Fleet(c => c.Fleet.LeaseSeconds = seconds));

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.StartsWith("fleet.leaseSeconds:", Assert.Single(errors));
        }
    }

    [Theory]
    [InlineData("pi-4.garage", true)]
    [InlineData("", true)]
    [InlineData("two words", false)]
    [InlineData("a/b", false)]
    public void The_instance_id_is_a_plain_name(string id, bool valid)
    {
        var errors = ConfigValidator.Validate(Fleet(c => c.Fleet.InstanceId = id));

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Without_fleet_nothing_about_it_is_checked() =>
        Assert.Empty(ConfigValidator.Validate(Fleet(c =>
        {
            c.Storage = new StorageConfig();
            c.Fleet = new FleetConfig { Enabled = false, LeaseSeconds = 1 };
        })));

    [Fact]
    public void The_template_documents_the_fleet_section_with_its_defaults()
    {
        var root = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(ConfigTemplate.Text))).Build();
        var config = root.Get<EnergyTapConfig>(o => o.ErrorOnUnknownConfiguration = true)!;

        Assert.False(config.Fleet.Enabled);
        Assert.Equal(30, config.Fleet.LeaseSeconds);
        Assert.Equal("", config.Fleet.InstanceId);
        Assert.Contains("leaseSeconds / 3", ConfigTemplate.Text);
    }
}
