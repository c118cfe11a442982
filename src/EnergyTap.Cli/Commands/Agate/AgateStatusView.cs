using System.Globalization;
using EnergyTap.FranklinWH.Agate.Control;
using EnergyTap.FranklinWH.Agate.Health;
using EnergyTap.FranklinWH.Agate.Reading;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.Agate;

/// <summary>How the agate commands print readings for people (--json prints the records instead).</summary>
internal static class AgateStatusView
{
    public static void Write(AgateStatus s, Nameplate plate)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]aGate[/]", Markup.Escape($"{plate.Model} ({plate.Manufacturer}), firmware {plate.Firmware}, {plate.Batteries} battery(ies)"));
        grid.AddRow("[bold]Battery[/]", Markup.Escape($"{Pct(s.Battery.SocPercent)} SoC, {s.Battery.State.ToString().ToLowerInvariant()} {W(Math.Abs(s.Battery.DcWatts ?? 0))}, "
            + $"{V(s.Battery.DcVolts)} {A(s.Battery.DcAmps)}, {C(s.Battery.TemperatureC)}, SoH {Pct(s.Battery.SohPercent)}"
            + (s.Battery.PowerCorrected ? $" ({WrapNote("714 DCW")})" : "")));
        foreach (var p in s.Battery.Ports)
        {
            grid.AddRow(Markup.Escape($"  Prt[{p.Index}]"), Markup.Escape($"{p.Id}: {p.State.ToString().ToLowerInvariant()} {W(Math.Abs(p.DcWatts ?? 0))}, {V(p.DcVolts)} {A(p.DcAmps)}, {C(p.TemperatureC)}"));
        }

        grid.AddRow("[bold]Solar[/]", Markup.Escape($"{W(s.Solar.Watts)}" + (s.Solar.VendorWatts is null ? " (15502 read 0xFFFF; model 502 used)" : "")));
        grid.AddRow("[bold]Grid[/]", Markup.Escape((s.Grid.ImportWatts is { } g ? (g >= 0 ? $"importing {W(g)}" : $"exporting {W(-g)}") : "unknown")
            + (s.Grid.PowerCorrected ? $" ({WrapNote("701 W")})" : "")
            + (s.Grid.Connected switch { true => ", connected", false => ", OUTAGE (off grid, the aGate islands the home)", null => ", grid state unknown" })));
        grid.AddRow("[bold]Home[/]", Markup.Escape(W(s.HomeLoad.Watts)));
        grid.AddRow("[bold]Control[/]", Markup.Escape(Control(s.Control)));
        grid.AddRow("[bold]Revert[/]", Markup.Escape(Timer(s.Control)));
        grid.AddRow("[bold]Native mode[/]", Markup.Escape(Mode(s.NativeMode)));
        AnsiConsole.Write(grid);
    }

    public static string Line(AgateStatus s) =>
        $"{s.At:HH:mm:ss} SoC {Pct(s.Battery.SocPercent)} battery {W(s.Battery.DcWatts)}{(s.Battery.PowerCorrected ? " (corrected)" : "")} ({s.Battery.State.ToString().ToLowerInvariant()}) "
        + $"solar {W(s.Solar.Watts)} home {W(s.HomeLoad.Watts)} grid {W(s.Grid.ImportWatts)}{(s.Grid.PowerCorrected ? " (corrected)" : "")}{(s.Grid.Connected == false ? " OUTAGE" : "")} control {(s.Control.Enabled ? $"on {Num(s.Control.WSetPct)} %" : "off")}";

    /// <summary>Why a value differs from the register: the int16 wrapped on a site above 32.767 kW.</summary>
    private static string WrapNote(string register) => $"corrected: {register} is int16 and wrapped above 32.767 kW";

    public static string Control(ControlStatus c) => c.Enabled
        ? $"Modbus control ON: WSetPct {Num(c.WSetPct)} % (aGate sign: negative = charge) = {Direction(c.CommandedWatts)}, WSetMod {c.WSetMod}, WSet {Num(c.WSet)} W, PF correction {(c.PFWInjEna == 1 ? "on" : "OFF")}"
        : $"Modbus control off (the aGate runs its own mode), PF correction {(c.PFWInjEna == 1 ? "on" : "OFF")}";

    /// <summary>The command record's deadline and who holds it (the server, a CLI run), or who else must hold the battery.</summary>
    public static string Timer(ControlStatus c)
    {
        var t = c.Timer;
        return !t.Active
            ? c.Enabled ? "no EnergyTap command recorded: another Modbus client holds the battery" : "no EnergyTap command recorded"
            : t.Deadline is null
                ? $"{t.Command} recorded with no revert by {t.HeldBy}: it stays until 'energytap agate stop'"
                : t.Expired
                    ? $"{t.Command} passed its deadline {t.Deadline:u}; the next EnergyTap run releases it (held by {t.HeldBy})"
                    : $"{t.Command} reverts at {t.Deadline:u} ({AgateConnection.Seconds(t.Remaining!.Value)} left), held by {t.HeldBy}";
    }

    public static string Mode(NativeModeReading m)
    {
        var others = string.Join(", ", m.Mode.Alternatives.Select(a => $"{a.Name} under '{a.Numbering}'"));
        var access = m.Access switch
        {
            ExtensionAccess.Writable => "writable (SPAN Modbus unlock)",
            ExtensionAccess.ReadOnly => "read-only (needs the installer's SPAN Modbus unlock)",
            _ => "writability not probed (agate mode --probe)",
        };
        // Name first with the raw 15507 number beside it ("Self-Consumption (2)"): the numbering is unsettled.
        return $"{(m.Mode.Raw is null ? "unknown (?)" : m.Mode.ToString())} (numbering '{m.Mode.Numbering}'; {others}), "
            + $"self reserve {m.SelfReservePercent?.ToString(CultureInfo.InvariantCulture) ?? "?"} %, TOU reserve {m.TouReservePercent?.ToString(CultureInfo.InvariantCulture) ?? "?"} %"
            + (m.ReservesMirror ? " (15509 mirrors 15508: firmware defect)" : "") + $"; 15507-15509 {access}";
    }

    public static void WriteHealth(HealthReport report)
    {
        var table = new Table().AddColumns("Severity", "Finding", "Recommendation");
        foreach (var f in report.Findings)
        {
            var colour = f.Severity switch { HealthSeverity.Critical => "red", HealthSeverity.Warning => "yellow", _ => "green" };
            table.AddRow(new Markup($"[{colour}]{f.Severity}[/]"), new Text($"{f.Code}: {f.Message}"), new Text(HealthAdvice.For(f)));
        }

        AnsiConsole.MarkupLine(report.Healthy ? "[green]healthy[/]" : "[red]problems found[/]");
        AnsiConsole.Write(table);
    }

    private static string Direction(double? watts) => watts switch
    {
        null => "?",
        < 0 => $"charge {W(-watts)}",
        > 0 => $"discharge {W(watts)}",
        _ => "idle (0 W)",
    };

    private static string W(double? v) => v is null ? "? W" : $"{(Math.Round(v.Value) + 0.0).ToString("0", CultureInfo.InvariantCulture)} W";
    private static string V(double? v) => v is null ? "? V" : $"{v.Value.ToString("0.0", CultureInfo.InvariantCulture)} V";
    private static string A(double? v) => v is null ? "? A" : $"{v.Value.ToString("0.0", CultureInfo.InvariantCulture)} A (P/V)";
    private static string C(double? v) => v is null ? "? °C" : $"{v.Value.ToString("0.0", CultureInfo.InvariantCulture)} °C";
    private static string Pct(double? v) => v is null ? "? %" : $"{v.Value.ToString("0.#", CultureInfo.InvariantCulture)} %";
    private static string Num(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
}
