using System.CommandLine;
using EnergyTap.Cli.Commands;
using EnergyTap.Cli.Infrastructure;

Terminal.Configure();
var root = new RootCommand("EnergyTap: local monitoring and safe control of SunPower PVS solar and FranklinWH aGate batteries.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await CliRunner.RunAsync(root, args);
