using System.CommandLine;
using System.Runtime.InteropServices;

namespace EnergyTap.Cli.Infrastructure;

/// <summary>
/// Parses and invokes the command line. Every failure ends as one line on stderr and a non-zero exit:
/// 2 for a usage error, 1 for anything that went wrong while running, 130 after Ctrl-C.
/// Set ENERGYTAP_DEBUG=1 to see the full exception when reporting a bug.
/// </summary>
internal static class CliRunner
{
    public const int Failure = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(25);

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"energytap: {OneLine(ParseErrorText.Plain(parse.Errors[0].Message))} (see --help)");
            return UsageError;
        }

        // Ctrl-C and SIGTERM cancel the command's token and nothing else: long-running commands (serve, demo,
        // agate --revert) then release commands and flush history themselves. The registrations live until the
        // command returns (a registration the GC collects stops answering the signal).
        using var stop = new CancellationTokenSource();
        var stopping = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Exchange(ref stopping, 1) == 1)
            {
                Environment.Exit(Interrupted); // a second Ctrl-C: the user insists
            }

            stop.Cancel();
            // Bounded: systemd sends SIGKILL after 30 s; a stop still running at 25 s ends here (a battery command
            // the service could not release still reverts at its deadline on the device).
            _ = Task.Delay(StopGrace).ContinueWith(_ => Environment.Exit(Interrupted), TaskScheduler.Default);
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("energytap: interrupted");
            return Interrupted;
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"energytap: {OneLine(ex.Message)}");
            return UsageError;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"energytap: error: {OneLine(Describe(ex))}");
            if (Environment.GetEnvironmentVariable("ENERGYTAP_DEBUG") == "1")
            {
                Console.Error.WriteLine(ex);
            }

            return Failure;
        }
    }

    /// <summary>The library's own message, or a plain description for the usual system errors.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: 1 } agg => Describe(agg.InnerExceptions[0]),
        System.Net.Sockets.SocketException s => $"network: {s.Message}",
        HttpRequestException h => $"HTTP: {Innermost(h)}",
        ArgumentException a => UsageException.WithoutParameter(a),
        EnergyTap.SunSpec.SunSpecPointException p => Commands.SunSpec.ModelsFlagHint.Append(p.Message, p.UncataloguedModelId),
        EnergyTap.FranklinWH.Agate.Revert.CommandStateCorruptException c =>
            $"the command state file {c.FilePath} is corrupt ({c.Problem}); check the battery with 'energytap agate status' and delete the file",
        UnauthorizedAccessException u => $"access denied: {u.Message}",
        IOException io => io.Message,
        _ => ex.Message,
    };

    /// <summary>"The SSL connection could not be established, see inner exception" says nothing; the inner one does.</summary>
    internal static string Innermost(Exception ex)
    {
        var reason = ex;
        while (reason.InnerException is { } inner && reason.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase))
        {
            reason = inner;
        }

        return reason == ex ? ex.Message : $"{ex.Message.Split(',')[0]}: {reason.Message}";
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>Thrown by a command when its arguments are valid syntax but make no sense together.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>A library's refusal of a value, worded for the user: prefixed with the option it came from, without .NET's "(Parameter 'x')".</summary>
    public static UsageException From(ArgumentException ex, string? option = null) =>
        new(option is null ? WithoutParameter(ex) : $"{option}: {WithoutParameter(ex)}");

    public static string WithoutParameter(ArgumentException ex) =>
        ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
}
