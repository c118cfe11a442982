using System.Text.Json;

namespace EnergyTap.Cli.Tests;

/// <summary>`energytap config check` as a new user meets it: typos, wrong values and a missing cloud password.</summary>
public sealed class ConfigCliTests : IDisposable
{
    private const string WithMistakes = """
        {
          // two typos and a cloud account without a password
          "server": { "controlTokn": "secret" },
          "storage": { "rawRetentionDay": 7 },
          "sites": [ { "id": "home", "cloud": [ { "email": "owner@example.invalid" } ] } ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("energytap-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Check_lists_every_problem_by_its_json_path_in_plain_words()
    {
        var result = await CliProcess.RunAsync("config", "check", "--config", Write(WithMistakes));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("3 problems", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("server.controlTokn: unknown key; did you mean \"controlToken\"?", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("storage.rawRetentionDay: unknown key; did you mean \"rawRetentionDays\"?", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("sites[0].cloud[0].password: is required", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("BinderOptions", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_json_prints_the_problems()
    {
        var result = await CliProcess.RunAsync("config", "check", "--json", "--config", Write(WithMistakes));

        Assert.Equal(2, result.ExitCode);
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        var paths = json.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Equal(["server.controlTokn", "storage.rawRetentionDay", "sites[0].cloud[0].password"], paths);
        Assert.All(json.GetProperty("problems").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task A_cloud_password_from_the_environment_satisfies_the_check()
    {
        var file = Write("""{ "sites": [ { "id": "home", "cloud": [ { "email": "owner@example.invalid" } ] } ] }""");
        var environment = new Dictionary<string, string?> { ["ENERGYTAP_Sites__0__Cloud__0__Password"] = "from-the-environment" };

        var result = await CliProcess.RunAsync(environment, TimeSpan.FromSeconds(60), "config", "check", "--json", "--config", file);

        Assert.Equal(0, result.ExitCode);
        Assert.True(JsonDocument.Parse(result.StdOut).RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_PVS_needs_only_its_address_and_a_proxy_upstream_may_be_host_port()
    {
        var file = Write("""
            {
              "proxy": { "enabled": true, "upstream": "192.0.2.10:80", "listen": "127.0.0.1:0" },
              "sites": [ { "id": "home", "pvs": [ { "id": "pvs", "address": "192.0.2.10" } ] } ]
            }
            """);

        var result = await CliProcess.RunAsync("config", "check", "--json", "--config", file);

        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.True(JsonDocument.Parse(result.StdOut).RootElement.GetProperty("valid").GetBoolean());
    }

    private string Write(string json)
    {
        var file = Path.Combine(_folder, "energytap.json");
        File.WriteAllText(file, json);
        return file;
    }
}
