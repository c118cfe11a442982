using System.CommandLine;
using EnergyTap.Cli.Infrastructure;
using EnergyTap.SunPower;
using EnergyTap.SunPower.Model;
using Spectre.Console;
using static EnergyTap.Cli.Commands.Pvs.PvsFormat;

namespace EnergyTap.Cli.Commands.Pvs;

/// <summary>`pvs info|devices|meters|inverters|ess|livedata`: reads, shown as tables or JSON.</summary>
internal static class PvsReadCommands
{
    /// <summary>A read command: connect, read, print JSON or a table.</summary>
    public static Command Create<T>(string name, string description, Func<PvsClient, CancellationToken, Task<T>> read, Action<T> table) =>
        Create(name, description, (_, client, ct) => read(client, ct), table);

    /// <summary>A read command of DeviceList data: it takes --fresh and passes it to the read.</summary>
    public static Command CreateFresh<T>(string name, string description, Func<PvsClient, bool, CancellationToken, Task<T>> read, Action<T> table)
    {
        var connection = new PvsConnectionOptions();
        return Create(connection, name, description, (parse, client, ct) => read(client, parse.GetValue(connection.Fresh), ct), table, fresh: true, []);
    }

    /// <summary>A read command whose read also looks at its own extra options.</summary>
    public static Command Create<T>(string name, string description, Func<ParseResult, PvsClient, CancellationToken, Task<T>> read, Action<T> table, params Option[] extra) =>
        Create(new PvsConnectionOptions(), name, description, read, table, fresh: false, extra);

    private static Command Create<T>(PvsConnectionOptions connection, string name, string description, Func<ParseResult, PvsClient, CancellationToken, Task<T>> read, Action<T> table, bool fresh, Option[] extra)
    {
        var command = new Command(name, description);
        connection.AddTo(command, fresh);
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            await using var client = await connection.ConnectAsync(parse, ct);
            var value = await read(parse, client, ct);
            if (parse.GetValue(connection.Json))
            {
                Output.WriteJson(value);
            }
            else
            {
                table(value);
            }

            return 0;
        });
        return command;
    }

    public static Command Info() => CreateFresh("info", "The supervisor: serial, model, firmware build, API generation, uptime and health counters.",
        async (client, fresh, ct) =>
        {
            var snapshot = await client.GetDevicesAsync(fresh, ct);
            return new PvsInfoView(client.Generation, client.SupervisorInfo, snapshot.Supervisor, client.Stats);
        },
        view =>
        {
            var s = view.Supervisor;
            AnsiConsole.Write(Pairs("PVS", [
                ("Generation", view.Generation == PvsGeneration.Legacy ? "legacy dl_cgi" : "LocalAPI varserver"),
                ("Serial", T(s?.Serial ?? view.Info?.Serial)),
                ("Model", T(s?.Model ?? view.Info?.Model)),
                ("Software", T(s?.SoftwareVersion ?? view.Info?.SoftwareVersion)),
                ("Build", N(s?.Build ?? view.Info?.Build)),
                ("Hardware", T(s?.HardwareVersion)),
                ("Uptime", Q(s?.Uptime)),
                ("CPU load", N(s?.CpuLoadAverage) + (s?.CpuUsage is { } cpu ? $" ({cpu})" : "")),
                ("Memory used", Q(s?.MemoryUsed ?? s?.RamUsage)),
                ("Flash available", Q(s?.FlashAvailable)),
                ("Flash used", Q(s?.FlashUsage)),
                ("Communication errors", N(s?.CommunicationErrors)),
                ("Untransmitted records", N(s?.Untransmitted)),
                ("Data time", Time(s?.DataTime)),
            ]));
        });

    public static Command Devices() => CreateFresh("devices", "Every device the PVS reports, one row each (supervisor, meters, inverters, SunVault).",
        (client, fresh, ct) => client.GetDevicesAsync(fresh, ct),
        snapshot =>
        {
            var table = Table($"{snapshot.Devices.Count} devices", "Kind", "Serial", "Model", "State", "Data time");
            foreach (var device in snapshot.Devices)
            {
                table.AddRow(device.Kind.ToString(), T(device.Serial), T(device.Model), T(State(device)), Time(device.DataTime));
            }

            AnsiConsole.Write(table);
            WriteMissing(snapshot);
        });

    public static Command Meters() => CreateFresh("meters", "Production and consumption meters (kW, kWh, V, A). Production reads slightly negative at night.",
        async (client, fresh, ct) => (await client.GetDevicesAsync(fresh, ct)).Meters.ToList(),
        meters =>
        {
            var table = Table("Meters", "Role", "Serial", "Power", "Net energy", "Import (+)", "Export (−)", "Frequency", "V1N / V2N", "I1 / I2", "PF");
            foreach (var m in meters)
            {
                table.AddRow(m.Role.ToString(), T(m.Serial), Q(m.Power), Q(m.NetEnergy), Q(m.PositiveEnergy), Q(m.NegativeEnergy), Q(m.Frequency),
                    $"{Q(m.Voltage1N)} / {Q(m.Voltage2N)}", $"{Q(m.Current1)} / {Q(m.Current2)}", Q(m.PowerFactor));
            }

            AnsiConsole.Write(table);
        });

    public static Command Inverters() => CreateFresh("inverters", "Microinverters and their sum (a virtual production meter). At night they show STATE error and no values: that is normal.",
        (client, fresh, ct) => client.GetDevicesAsync(fresh, ct),
        snapshot =>
        {
            var table = Table("Inverters", "Serial", "State", "AC power", "Lifetime energy", "DC V", "DC A", "AC V", "Heatsink", "Data time");
            foreach (var i in snapshot.Inverters)
            {
                table.AddRow(T(i.Serial), T(State(i)), Q(i.AcPower), Q(i.LifetimeEnergy), Q(i.DcVoltage), Q(i.DcCurrent), Q(i.AcVoltage), Q(i.HeatsinkTemperature), Time(i.DataTime));
            }

            var sum = snapshot.VirtualProductionMeter;
            table.Caption = new TableTitle($"Sum of {sum.Reporting}/{sum.Total} reporting: {sum.Power}, lifetime {Q(sum.LifetimeEnergy)}");
            AnsiConsole.Write(table);
            WriteMissing(snapshot);
        });

    public static Command Ess() => CreateFresh("ess", "SunVault battery: every storage device and the totals (state of charge, health, power).",
        async (client, fresh, ct) =>
        {
            var snapshot = await client.GetDevicesAsync(fresh, ct);
            return new PvsEssView(snapshot.StorageDevices.ToList(), snapshot.Battery);
        },
        view =>
        {
            if (view.Devices.Count == 0)
            {
                AnsiConsole.WriteLine("No SunVault devices reported.");
                return;
            }

            var table = Table("SunVault devices", "Kind", "Serial", "Model", "State", "Port");
            foreach (var d in view.Devices)
            {
                table.AddRow(d.Kind.ToString(), T(d.Serial), T(d.Model), T(State(d)), T(d.Port));
            }

            AnsiConsole.Write(table);
            var b = view.Totals;
            AnsiConsole.Write(Pairs("Battery totals", [
                ("Systems / modules", $"{b.Systems} / {b.BatteryModules}"),
                ("State of charge", Q(b.StateOfCharge)),
                ("Customer state of charge", Q(b.CustomerStateOfCharge)),
                ("State of health", Q(b.StateOfHealth)),
                ("Power (+ discharge)", Q(b.Power)),
                ("Charge / discharge limit", $"{Q(b.ChargeLimit)} / {Q(b.DischargeLimit)}"),
            ]));
        });

    public static Command LiveData() => CreateFresh("livedata", "Site power flow: PV, grid (net, + import), home load, battery. Legacy firmware: computed from the meters.",
        (client, fresh, ct) => client.GetLiveDataAsync(fresh, ct),
        live => AnsiConsole.Write(LiveTable(live)));

    public static Table LiveTable(PvsLiveData live) => Pairs($"Live data ({live.Source}, {Time(live.Time)})", [
        ("PV power", Q(live.PvPower)),
        ("Grid (net) power", Q(live.NetPower)),
        ("Home load", Q(live.SiteLoadPower)),
        ("Battery power", Q(live.EssPower)),
        ("Battery state of charge", Q(live.StateOfCharge)),
        ("Backup time remaining", Q(live.BackupTimeRemaining)),
        ("PV energy", Q(live.PvEnergy)),
        ("Grid (net) energy", Q(live.NetEnergy)),
        ("Home energy", Q(live.SiteLoadEnergy)),
    ]);

    private static void WriteMissing(PvsDeviceSnapshot snapshot)
    {
        if (snapshot.MissingInverters.Count > 0)
        {
            AnsiConsole.WriteLine($"Missing since an earlier read (re-probing with backoff): {string.Join(", ", snapshot.MissingInverters)}");
        }
    }
}

internal sealed record PvsInfoView(PvsGeneration Generation, PvsSupervisorInfo? Info, PvsSupervisor? Supervisor, PvsClientStats Stats);

internal sealed record PvsEssView(IReadOnlyList<PvsDevice> Devices, BatteryTotals Totals);
