using System.Diagnostics;
using EnergyTap.Scenarios.Infrastructure;

namespace EnergyTap.Scenarios.Footprint;

/// <summary>
/// Publishes the CLI three ways and weighs each: portable framework-dependent, framework-dependent for
/// linux-arm64 (no apphost: the mirror here has none), and trimmed self-contained linux-arm64, which needs the
/// runtime pack; when a publish fails, the measurement is n/a and the error says why.
/// </summary>
internal static class PublishSize
{
    public static async Task<IReadOnlyList<Measurement>> MeasureAsync(CancellationToken ct)
    {
        string[] rid = ["-r", "linux-arm64"];
        return
        [
            await MeasureAsync("publish size, framework-dependent (portable)", [], ct),
            await MeasureAsync("publish size, framework-dependent linux-arm64", [.. rid, "--no-self-contained", "-p:UseAppHost=false"], ct),
            await MeasureAsync("publish size, trimmed self-contained linux-arm64", [.. rid, "--self-contained", "-p:PublishTrimmed=true"], ct),
        ];
    }

    private static async Task<Measurement> MeasureAsync(string name, IReadOnlyList<string> extra, CancellationToken ct)
    {
        var output = Directory.CreateTempSubdirectory("energytap-bench-publish-").FullName;
        try
        {
            var project = Path.Combine(RepoPaths.Root, "src", "EnergyTap.Cli");
            var command = $"dotnet publish src/EnergyTap.Cli -c Release {string.Join(' ', extra)}".TrimEnd();
            var (code, text) = await DotnetAsync(["publish", project, "-c", "Release", .. extra, "-o", output, "-v", "q", "-nologo"], ct);
            if (code != 0)
            {
                var error = text.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? text.Trim();
                return new Measurement(name, null, "MiB", $"`{command}` failed here: {Shorten(error.Replace(RepoPaths.Root + "/", "", StringComparison.Ordinal))}");
            }

            var bytes = new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            return new Measurement(name, bytes / 1048576.0, "MiB", $"`{command}`");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static string Shorten(string text) => text.Length > 240 ? text[..240] + "…" : text;

    private static async Task<(int Code, string Output)> DotnetAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
