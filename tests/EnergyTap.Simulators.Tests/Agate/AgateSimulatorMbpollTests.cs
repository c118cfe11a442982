using System.Diagnostics;
using System.Globalization;
using EnergyTap.FranklinWH.Agate.Reading;

namespace EnergyTap.Simulators.Tests.Agate;

/// <summary>A third-party Modbus master (Debian's mbpoll) talks to the simulator as it would to a real aGate.</summary>
public class AgateSimulatorMbpollTests
{
    [Fact]
    public async Task Mbpoll_reads_the_marker_and_the_reserves_and_its_write_to_a_locked_register_is_discarded()
    {
        await using var f = await AgateSimulatorFixture.StartAsync();
        var port = f.Simulator.Endpoint.Port.ToString(CultureInfo.InvariantCulture);

        // -0: PDU (0-based) addresses, as the aGate community writes them.
        var marker = await MbpollAsync("-m", "tcp", "-p", port, "-a", "2", "-0", "-r", "0", "-c", "2", "-t", "4:hex", "-1", "127.0.0.1");
        Assert.Contains("0x5375", marker, StringComparison.Ordinal);
        Assert.Contains("0x6E53", marker, StringComparison.OrdinalIgnoreCase);

        var reserve = await MbpollAsync("-m", "tcp", "-p", port, "-0", "-r", AgateVendorRegisters.SelfReserve.ToString(CultureInfo.InvariantCulture), "-c", "2", "-1", "127.0.0.1");
        Assert.Contains($"[{AgateVendorRegisters.SelfReserve}]: \t20", reserve, StringComparison.Ordinal);
        Assert.Contains($"[{AgateVendorRegisters.TouReserve}]: \t20", reserve, StringComparison.Ordinal);

        await MbpollAsync("-m", "tcp", "-p", port, "-0", "-r", AgateVendorRegisters.SelfReserve.ToString(CultureInfo.InvariantCulture), "127.0.0.1", "55");
        Assert.Equal(20, f.Simulator.ReadRegister(AgateVendorRegisters.SelfReserve));
        Assert.Contains("SelfReserve(15508)", f.Simulator.WriteLog.Single().Discarded);
    }

    private static async Task<string> MbpollAsync(params string[] args)
    {
        var start = new ProcessStartInfo("mbpoll") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("mbpoll is not installed (Debian package mbpoll; ./test.sh installs it)", ex);
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"mbpoll {string.Join(' ', args)} failed: {error}{output}");
            return output;
        }
    }
}
