using System.Globalization;
using System.Text.RegularExpressions;
using EnergyTap.Modbus.Server;
using EnergyTap.Modbus.Tests.Support;

namespace EnergyTap.Modbus.Tests.Peers;

/// <summary>mbpoll, a real Modbus master (libmodbus), reads and writes our server.</summary>
public sealed partial class MbpollTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string mbpoll = ExternalProcess.Require("mbpoll", "mbpoll");

    [Fact]
    public async Task Reads_holding_and_input_registers()
    {
        await using var server = await TestServer.StartAsync();

        var holding = await RunAsync(server, "-t", "4", "-r", "5", "-c", "3");
        var input = await RunAsync(server, "-t", "3", "-r", "0", "-c", "2");

        Assert.Equal(new Dictionary<int, int> { [5] = 1005, [6] = 1006, [7] = 1007 }, Values(holding));
        Assert.Equal(new Dictionary<int, int> { [0] = 2000, [1] = 2001 }, Values(input));
    }

    [Fact]
    public async Task Writes_one_and_several_registers()
    {
        await using var server = await TestServer.StartAsync();

        await RunAsync(server, "-t", "4", "-r", "10", "12345");
        await RunAsync(server, "-t", "4", "-r", "20", "1", "2", "3");

        var bank = server.Registers[1];
        Assert.Equal(12345, bank.Get(ModbusRegisterKind.Holding, 10));
        Assert.Equal([1, 2, 3], bank.Get(ModbusRegisterKind.Holding, 20, 3));
    }

    [Fact]
    public async Task Sees_exception_2_for_a_read_past_the_end()
    {
        await using var server = await TestServer.StartAsync();

        var result = await ExternalProcess.RunAsync(mbpoll, Arguments(server, "-t", "4", "-r", "98", "-c", "5"), Patience);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Illegal data address", result.All, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<ExternalProcess.Result> RunAsync(ModbusTcpServer server, params string[] args)
    {
        var result = await ExternalProcess.RunAsync(mbpoll, Arguments(server, args), Patience);
        Assert.True(result.ExitCode == 0, $"mbpoll failed ({result.ExitCode}): {result.All}");
        return result;
    }

    /// <summary>-0: PDU addressing, -1: poll once, -o: timeout in seconds.</summary>
    private static string[] Arguments(ModbusTcpServer server, params string[] args) =>
        ["-m", "tcp", "-a", "1", "-0", "-1", "-o", "2", "-p", server.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture), .. args[..Split(args)], "127.0.0.1", .. args[Split(args)..]];

    /// <summary>Options come before the host, values to write after it.</summary>
    private static int Split(string[] args)
    {
        var i = 0;
        while (i < args.Length && args[i].StartsWith('-'))
        {
            i += 2;
        }

        return Math.Min(i, args.Length);
    }

    private static Dictionary<int, int> Values(ExternalProcess.Result result) =>
        ValueLine().Matches(result.StdOut).ToDictionary(
            m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\[(\d+)\]:\s+(-?\d+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
