namespace EnergyTap.Cli.Tests;

/// <summary>Refusals in plain words: never a .NET type name, a parameter name or a range that contradicts itself.</summary>
public class CliMessagesTests
{
    [Theory]
    [InlineData("--port: 'abc' is not a whole number", "demo", "--port", "abc")]
    [InlineData("--revert: 'abc' is not a whole number", "agate", "charge", "1000", "--host", "127.0.0.1", "--revert", "abc")]
    [InlineData("--firmware: 'foo' is not one of: legacy, varserver", "simulate", "pvs", "--firmware", "foo")]
    [InlineData("--timeout: 'soon' is not a number (e.g. 2.5)", "agate", "status", "--host", "127.0.0.1", "--timeout", "soon")]
    public async Task Values_that_do_not_parse_say_what_the_option_takes(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Equal($"energytap: {expected} (see --help)", line);
    }

    [Theory]
    [InlineData("energytap: --host: 'ht!tp://bad' is not an http or https URL", "pvs", "info", "--host", "ht!tp://bad")]
    [InlineData("energytap: --timeout must be more than 0 and at most 300 seconds, not 0", "agate", "status", "--host", "127.0.0.1", "--timeout", "0")]
    [InlineData("energytap: --timeout must be more than 0 and at most 300 seconds, not 0", "sunspec", "scan", "--host", "127.0.0.1", "--timeout", "0")]
    [InlineData("energytap: --connect-timeout must be more than 0 and at most 3600 seconds, not -1", "modbus", "read", "0", "--host", "127.0.0.1", "--connect-timeout", "-1")]
    [InlineData("energytap: --unit must be a Modbus unit id from 0 to 255, not 300", "agate", "status", "--host", "127.0.0.1", "--unit", "300")]
    public async Task Refused_values_are_one_plain_line(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.StdErr.Trim().Split('\n')));
        Assert.DoesNotContain("Parameter", result.StdErr, StringComparison.Ordinal);
    }
}
