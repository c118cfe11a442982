using System.Diagnostics;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Tests.Fakes;
using EnergyTap.SunSpec.Writing;

namespace EnergyTap.SunSpec.Tests;

/// <summary>
/// A real third-party Modbus master (mbpoll, Debian package) sees the register image the builder makes exactly
/// where our SunSpec client says the points are, and our client sees what mbpoll writes.
/// </summary>
public class MbpollPeerTests
{
    [Fact]
    public async Task Mbpoll_reads_the_marker_and_the_points_our_client_wrote()
    {
        await using var server = await SunSpecTcpServer.StartAsync(AgateLikeImage.Build());
        await using var client = server.Connect();
        var device = await SunSpecScanner.ScanAsync(client);
        var report = await device.WriteAsync([new PointWrite("704.WSetPct", -60)]);
        Assert.True(report.AllVerified);

        var marker = await Mbpoll(server.Port, "-r", "0", "-c", "2", "-t", "4:hex");
        var wsetPct = await Mbpoll(server.Port, "-r", device.Map.Resolve("704.WSetPct").Address.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "4");

        Assert.Contains("[0]: \t0x5375", marker);
        Assert.Contains("[1]: \t0x6E53", marker);
        Assert.Contains("[324]: \t65476", wsetPct); // mbpoll shows 16-bit registers unsigned: -60 is 0xFFC4
    }

    [Fact]
    public async Task Our_client_reads_what_mbpoll_wrote()
    {
        await using var server = await SunSpecTcpServer.StartAsync(AgateLikeImage.Build());
        await using var client = server.Connect();
        var device = await SunSpecScanner.ScanAsync(client, new SunSpecScanOptions { BaseAddress = 0 });

        await Mbpoll(server.Port, "-r", "324", "-t", "4", "25");

        Assert.Equal(25.0, (await device.ReadAsync(["704.WSetPct"]))[0].Value);
    }

    private static async Task<string> Mbpoll(int port, params string[] args)
    {
        var start = new ProcessStartInfo("mbpoll") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-m", "tcp", "-a", "1", "-0", "-1", "-o", "5", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("mbpoll did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("mbpoll is not installed (Debian package mbpoll; ./test.sh installs it)", ex);
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(cts.Token);
            Assert.True(process.ExitCode == 0, $"mbpoll exited {process.ExitCode}: {error}{output}");
            return output;
        }
    }
}
