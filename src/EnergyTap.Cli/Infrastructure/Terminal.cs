using Spectre.Console;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>How tables and colours reach stdout: styled on a terminal, plain and unwrapped into a pipe or file.</summary>
internal static class Terminal
{
    /// <summary>Wide enough that no table row wraps, small enough for Spectre's layout arithmetic.</summary>
    private const int UnwrappedWidth = 10_000;

    public static void Configure()
    {
        if (!Console.IsOutputRedirected)
        {
            return;
        }

        // `agate status > f` and `pvs meters | less` want text: no escape codes, no 80-column wrapping.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = UnwrappedWidth;
        AnsiConsole.Console = console;
    }
}
