using EnergyTap.SunSpec.Sequencing;
using Spectre.Console;

namespace EnergyTap.Cli.Commands.Sequencing;

/// <summary>Prints a run as it happens: a line per step, a line per write, read and wait. Goes to stderr under --json.</summary>
internal sealed class SequenceProgress(IAnsiConsole console)
{
    public static SequenceProgress For(bool json) => new(Terminal(toStderr: json));

    /// <summary>A console on stdout or stderr that writes plain text, without escape codes, when piped.</summary>
    public static IAnsiConsole Terminal(bool toStderr)
    {
        var redirected = toStderr ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(toStderr ? Console.Error : Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
    }

    public void On(SequenceEvent e)
    {
        switch (e)
        {
            case StepStarting s:
                console.MarkupLine($"[bold]{s.Step.Index + 1}/{s.Total}[/] {Markup.Escape(s.Step.Name)}");
                break;
            case StepFinished f:
                Details(f.Result);
                break;
            case ReleasingControl r:
                console.MarkupLine($"[yellow]aborted[/]: {Markup.Escape(r.Reason)}");
                console.MarkupLine("[bold]release[/] 704.WSetEna=0, WSetPct=0, WSet=0");
                break;
            case ControlReleased c:
                Details(c.Result);
                break;
        }
    }

    private void Details(StepResult result)
    {
        foreach (var w in result.Writes)
        {
            var colour = w.Outcome is StepWriteOutcome.Verified or StepWriteOutcome.Unverified ? "green" : "red";
            console.MarkupLine($"  {Markup.Escape(w.Point)} = {Markup.Escape(Show(w.Requested))} [{colour}]{SequenceJson.Describe(w.Outcome)}[/] (read back {Markup.Escape(Show(w.ReadBack))})"
                + (w.Error is null ? "" : $" {Markup.Escape(w.Error)}"));
        }

        if (result.Wait is { } wait)
        {
            console.MarkupLine($"  wait_for {Markup.Escape(wait.Condition.ToString())}: {(wait.Met ? "[green]met[/]" : "[red]timed out[/]")} after {wait.Elapsed.TotalSeconds:0.#} s (last {Markup.Escape(Show(wait.LastValue))})");
        }

        foreach (var r in result.Reads)
        {
            console.MarkupLine($"  {Markup.Escape(r.Point)} = {Markup.Escape(r.Display)}{(r.Units is null ? "" : " " + Markup.Escape(r.Units))}");
        }

        if (!result.Succeeded)
        {
            console.MarkupLine($"  [red]failed[/]: {Markup.Escape(result.Error ?? "")}");
        }
    }

    private static string Show(object? value) => value is string s ? s : SequenceJson.Show(value);
}
