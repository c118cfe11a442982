namespace EnergyTap.Fuzzing;

/// <summary>
/// The rules every fuzz target shares: a case taking longer than <see cref="CaseLimit"/> is a hang, and the only
/// exception allowed out is the library's typed one, with a one-line message. A failure names the case (seed and
/// index), so it replays exactly.
/// </summary>
internal static class FuzzGuard
{
    // A case takes milliseconds; the limit only tells an endless loop from a slow machine. With every test project
    // running at once on two cores the thread pool can take seconds to even start a case, so it is generous.
    public static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);

    /// <returns>The typed exception the case threw, or null when it finished normally.</returns>
    public static TAllowed? Run<TAllowed>(string label, Action body)
        where TAllowed : Exception
    {
        var run = Task.Run(body);
        if (Task.WaitAny([run], CaseLimit) < 0)
        {
            Assert.Fail($"hang: {label} ran longer than {CaseLimit.TotalSeconds:0} s");
        }

        return Outcome<TAllowed>(label, run);
    }

    /// <summary>A case that must finish without any exception at all.</summary>
    public static void Run(string label, Action body) => Run<NeverAllowed>(label, body);

    /// <inheritdoc cref="Run(string, Action)"/>
    public static Task RunAsync(string label, Func<Task> body) => RunAsync<NeverAllowed>(label, body);

    /// <inheritdoc cref="Run{TAllowed}(string, Action)"/>
    public static async Task<TAllowed?> RunAsync<TAllowed>(string label, Func<Task> body)
        where TAllowed : Exception
    {
        var run = Task.Run(body);
        using var watchdog = new CancellationTokenSource();
        if (await Task.WhenAny(run, Task.Delay(CaseLimit, watchdog.Token)) != run)
        {
            Assert.Fail($"hang: {label} ran longer than {CaseLimit.TotalSeconds:0} s");
        }

        await watchdog.CancelAsync();
        return Outcome<TAllowed>(label, run);
    }

    private static TAllowed? Outcome<TAllowed>(string label, Task run)
        where TAllowed : Exception
    {
        if (!run.IsFaulted)
        {
            return null;
        }

        var error = run.Exception!.InnerException!;
        if (error is Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{label}: {error.Message}");
        }

        if (error is not TAllowed typed)
        {
            Assert.Fail($"untyped {error.GetType().Name} escaped from {label}: {error.Message}\n{error.StackTrace}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(typed.Message) || typed.Message.Contains('\n', StringComparison.Ordinal))
        {
            Assert.Fail($"{label}: {typed.GetType().Name} without a one-line message: \"{typed.Message}\"");
        }

        return typed;
    }

    /// <summary>No code throws this, so no exception passes as typed.</summary>
    private sealed class NeverAllowed : Exception;
}
