using System.Diagnostics;
using System.Globalization;

namespace EnergyTap.Modbus.Tests.Peers;

/// <summary>
/// A real pymodbus server (pymodbus_server.py) on a free loopback port, stopped on dispose.
/// Unit 1: holding registers 0..99 hold 100+address, input registers 0..9 hold 500+address.
/// </summary>
internal sealed class PymodbusServer : IAsyncDisposable
{
    private readonly Process process;

    private PymodbusServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PymodbusServer> StartAsync(ModbusFraming framing)
    {
        var python = ExternalProcess.RequirePythonWithPymodbus();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "pymodbus_server.py"));
        start.ArgumentList.Add(framing == ModbusFraming.RtuOverTcp ? "rtu" : "tcp");
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"pymodbus server did not start: {line} {await stderr}");
        }

        return new PymodbusServer(process, int.Parse(line[5..], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
