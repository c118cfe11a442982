using System.Diagnostics;
using EnergyTap.Scenarios.Infrastructure;

namespace EnergyTap.Scenarios.Footprint;

/// <summary>Publishes the CLI and weighs the result; also tries the trimmed self-contained arm64 publish and reports why it fails.</summary>
internal static class PublishSize
{
    public static async Task<(double? MiB, string Note)> MeasureAsync(CancellationToken ct)
    {
        var output = Directory.CreateTempSubdirectory("energytap-bench-publish-").FullName;
        try
        {
            var project = Path.Combine(RepoPaths.Root, "src", "EnergyTap.Cli");
            var (code, text) = await DotnetAsync(["publish", project, "-c", "Release", "-o", output, "-v", "q", "-nologo"], ct);
            double? size = code == 0 ? new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1048576.0 : null;

            var arm = Path.Combine(output, "arm64");
            var (armCode, armText) = await DotnetAsync(["publish", project, "-c", "Release", "-r", "linux-arm64", "--self-contained", "-p:PublishTrimmed=true", "-o", arm, "-v", "q", "-nologo"], ct);
            var armLine = armText.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))?.Trim() ?? armText.Trim();
            var note = armCode == 0
                ? $"trimmed self-contained linux-arm64 publish succeeded: {new DirectoryInfo(arm).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1048576.0:0.0} MiB"
                : $"trimmed self-contained linux-arm64 publish failed here: {Shorten(armLine)}";
            if (code != 0)
            {
                note += $"; framework-dependent publish failed: {Shorten(text)}";
            }

            return (size, note);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

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
