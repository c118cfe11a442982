namespace EnergyTap.Cli.Tests;

public class CliBasicsTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await CliProcess.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EnergyTap", result.StdOut);
    }

    [Fact]
    public async Task Unknown_command_is_one_line_on_stderr_with_exit_code_2()
    {
        var result = await CliProcess.RunAsync("no-such-command");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.StartsWith("energytap:", result.StdErr);
        Assert.Empty(result.StdOut);
    }
}
