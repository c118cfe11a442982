using System.CommandLine;
using System.Globalization;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Commissioning;
using EnergyTap.SunPower.GridProfiles;
using EnergyTap.SunPower.Legacy;
using Spectre.Console;
using static EnergyTap.Cli.Commands.Pvs.PvsFormat;

namespace EnergyTap.Cli.Commands.Pvs;

/// <summary>`pvs comm|firmware|grid-profiles|wifi|watch`.</summary>
internal static class PvsSiteCommands
{
    public static Command Comm() => PvsReadCommands.Create("comm", "Network interfaces (wan, plc, sta0 Wi-Fi, cell) and which one carries the internet connection.",
        (client, ct) => client.GetCommAsync(ct),
        comm =>
        {
            var table = Table($"Network (internet via {T(comm.SystemInterface)}: {T(comm.SystemInternet)})", "Interface", "Link", "State", "Internet", "IP address", "SSID", "Signal", "SunPower cloud");
            foreach (var i in comm.Interfaces)
            {
                table.AddRow(T(i.Interface), T(i.Link), T(i.State), T(i.Internet), T(i.IpAddress), T(i.Ssid), T(i.Signal), T(i.Sms));
            }

            AnsiConsole.Write(table);
        });

    public static Command Firmware() => PvsReadCommands.Create("firmware", "Firmware versions and whether the PVS is offered an update (CheckFW).",
        async (client, ct) => new FirmwareView(client.SupervisorInfo, await client.CheckFirmwareAsync(ct)),
        view => AnsiConsole.Write(Pairs("Firmware", [
            ("Software", T(view.Info?.SoftwareVersion)),
            ("Build", N(view.Info?.Build)),
            ("Firmware", T(view.Info?.FirmwareVersion)),
            ("Update", view.Check.UpdateAvailable ? T(view.Check.Url) : "none offered"),
        ])));

    public static Command GridProfiles()
    {
        var zip = new Option<string?>("--zip") { Description = "Only profiles whose zip codes (ranges or lists) include this US zip code, most specific first." };
        zip.Validators.Add(result =>
        {
            if (result.GetValue(zip) is { } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                result.AddError($"--zip '{text}' is not a zip code (digits only, e.g. 94103)");
            }
        });
        return PvsReadCommands.Create("grid-profiles", "The active and pending grid profile, and the profiles the PVS knows (GridProfileGet/GridProfileRefresh).",
            async (parse, client, ct) =>
            {
                var status = await client.GetGridProfileStatusAsync(ct);
                var profiles = await client.GetGridProfilesAsync(ct);
                int? code = parse.GetValue(zip) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
                return new GridView(status, code is { } z ? GridProfileCatalog.ForZip(profiles, z) : profiles, code);
            },
            view =>
            {
                AnsiConsole.Write(Pairs("Grid profile", [
                    ("Active", $"{T(view.Status.ActiveName)} ({T(view.Status.ActiveId)})"),
                    ("Pending", view.Status.ChangePending ? $"{T(view.Status.PendingName)} ({N(view.Status.Percent)} %)" : "none"),
                    ("Supported by", T(view.Status.SupportedBy)),
                ]));
                var table = Table(view.Zip is null ? "Profiles" : $"Profiles for zip {view.Zip:00000}", "Name", "Id", "Default", "Self-supply", "Zip codes");
                foreach (var p in view.Profiles)
                {
                    table.AddRow(T(p.Name), T(p.Id), p.IsDefault ? "yes" : "", p.SelfSupply == true ? "yes" : "", Zips(p));
                }

                AnsiConsole.Write(table);
            },
            zip);
    }

    public static Command Wifi()
    {
        var serial = new Argument<string>("serial") { Description = "The PVS serial number, e.g. ZT190585000549A6185 (on the label)." };
        var json = CommonOptions.Json();
        var command = new Command("wifi",
            "The commissioning Wi-Fi a PVS opens for 4 hours after power-up: SSID \"SunPower\" + serial characters 5–6 + the last 3, "
            + "password serial characters 3–6 + the last 4. Note: the seed document prints the example SSID one character shorter "
            + "(SunPower0518 for ZT190585000549A6185); this follows the rule, which gives SunPower05185. No network traffic.")
        {
            serial,
            json,
        };
        command.SetAction(parse =>
        {
            CommissioningWifi wifi;
            try
            {
                wifi = CommissioningWifi.FromSerial(parse.GetValue(serial)!);
            }
            catch (ArgumentException ex)
            {
                throw UsageException.From(ex);
            }

            if (parse.GetValue(json))
            {
                Output.WriteJson(wifi);
            }
            else
            {
                AnsiConsole.Write(Pairs("Commissioning Wi-Fi", [("SSID", Markup.Escape(wifi.Ssid)), ("Password", Markup.Escape(wifi.Password))]));
            }

            return 0;
        });
        return command;
    }

    public static Command Watch()
    {
        var connection = new PvsConnectionOptions();
        var interval = new Option<int>("--interval")
        {
            Description = "Seconds between refreshes (minimum 5). The client still asks the PVS only when its data can have changed: "
                + "about every 10 s on LocalAPI firmware, every 5 minutes for DeviceList on legacy firmware.",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("watch", "Live data, refreshed politely until Ctrl-C. With --json, one JSON object per line.");
        connection.AddTo(command);
        command.Options.Add(interval);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(interval);
            if (seconds < 5)
            {
                throw new UsageException("--interval must be at least 5 seconds: the PVS gains nothing from faster polling and suffers from it");
            }

            await using var client = await connection.ConnectAsync(parse, ct);
            var json = parse.GetValue(connection.Json);
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        var live = await client.GetLiveDataAsync(ct);
                        if (json)
                        {
                            Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(live, Output.Json).ReplaceLineEndings(" "));
                        }
                        else
                        {
                            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0}  PV {1}  grid {2}  home {3}  battery {4}  SoC {5}",
                                Time(live.Time), Q(live.PvPower), Q(live.NetPower), Q(live.SiteLoadPower), Q(live.EssPower), Q(live.StateOfCharge));
                        }
                    }
                    catch (PvsUnavailableException ex)
                    {
                        Console.Error.WriteLine($"energytap: {ex.Message}");
                    }

                    await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C is the normal way to stop watching.
            }

            return 0;
        });
        return command;
    }

    private static string Zips(GridProfile profile)
    {
        var parts = profile.ZipRanges.Select(r => $"{r.Min?.ToString("00000", CultureInfo.InvariantCulture) ?? "…"}–{(r.Max is { } m && m >= 0 ? m.ToString("00000", CultureInfo.InvariantCulture) : "…")}")
            .Concat(profile.ZipCodes.Take(6).Select(z => z.ToString("00000", CultureInfo.InvariantCulture)))
            .ToList();
        var more = profile.ZipCodes.Count > 6 ? $" (+{profile.ZipCodes.Count - 6} more)" : "";
        return parts.Count == 0 ? "all" : Markup.Escape(string.Join(", ", parts) + more);
    }

    private sealed record FirmwareView(EnergyTap.SunPower.Model.PvsSupervisorInfo? Info, PvsFirmwareCheck Check);

    private sealed record GridView(GridProfileStatus Status, IReadOnlyList<GridProfile> Profiles, int? Zip);
}
