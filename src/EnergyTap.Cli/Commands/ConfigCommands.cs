using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.Server.Configuration;

namespace EnergyTap.Cli.Commands;

internal static class ConfigCommands
{
    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = "Configuration file [default: $ENERGYTAP_CONFIG or ~/.config/energytap/energytap.json]",
    };

    public static Command Create()
    {
        var config = new Command("config", "Write and check the configuration file (sites, devices, storage, MQTT).");
        config.Subcommands.Add(Init());
        config.Subcommands.Add(Check());
        return config;
    }

    private static Command Init()
    {
        var path = ConfigOption();
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var init = new Command("init", "Write a commented starting configuration to edit.") { path, force };
        init.SetAction(parse =>
        {
            var file = Path.GetFullPath(parse.GetValue(path) ?? ConfigFile.DefaultPath);
            if (File.Exists(file) && !parse.GetValue(force))
            {
                throw new UsageException($"{file} already exists; use --force to overwrite it");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, ConfigTemplate.Text + "\n");
            Console.WriteLine($"wrote {file}");
            Console.WriteLine($"edit it, then run: energytap config check --config {file}");
            return 0;
        });
        return init;
    }

    private static Command Check()
    {
        var path = ConfigOption();
        var json = CommonOptions.Json();
        var check = new Command("check", "Validate the configuration and list what it describes; every problem is named by its JSON path.") { path, json };
        check.SetAction(parse =>
        {
            var read = ConfigFile.Read(parse.GetValue(path));
            if (read.Problems.Count > 0)
            {
                if (parse.GetValue(json))
                {
                    Output.WriteJson(new { valid = false, file = read.File, problems = read.Problems });
                }
                else
                {
                    Console.Error.WriteLine($"energytap: {read.File}: {ConfigFile.Count(read.Problems)}:");
                    foreach (var problem in read.Problems)
                    {
                        Console.Error.WriteLine($"  {problem}");
                    }
                }

                return CliRunner.UsageError;
            }

            var config = read.Config;
            var sites = config.Sites.Select(s => new
            {
                s.Id,
                Pvs = s.Pvs.Select(p => p.Id),
                Agates = s.Agates.Select(a => a.Id),
                Cloud = s.Cloud.Select(c => c.Id),
            }).ToList();
            if (parse.GetValue(json))
            {
                Output.WriteJson(new { valid = true, file = read.File, sites });
                return 0;
            }

            Console.WriteLine($"configuration is valid: {config.Sites.Count} site(s)");
            foreach (var site in config.Sites)
            {
                Console.WriteLine($"  {site.Id}: {site.Pvs.Count} PVS, {site.Agates.Count} aGate, {site.Cloud.Count} cloud account(s)");
            }

            return 0;
        });
        return check;
    }
}
