using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyTap.FranklinWH.Cloud.Modes;

namespace EnergyTap.FranklinWH.Agate.Modes;

/// <summary>
/// The <see cref="ConfirmedModes"/> of each aGate (keyed by its serial, 1.SN), in one small JSON file
/// replaced atomically. Losing a concurrent update only costs a confirmation, never a wrong one.
/// </summary>
public sealed class ConfirmedModeStore(string path)
{
    public string Path { get; } = path;

    public async Task<ConfirmedModes> LoadAsync(string serial, CancellationToken cancellationToken = default)
    {
        var all = await ReadAsync(cancellationToken);
        return all.TryGetValue(serial, out var modes)
            ? new ConfirmedModes(modes.ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value))
            : ConfirmedModes.None;
    }

    public async Task SaveAsync(string serial, ConfirmedModes modes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modes);
        var all = await ReadAsync(cancellationToken);
        all[serial] = modes.ByRaw.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value);
        await AtomicJsonFile.WriteAsync(Path, all, ConfirmedModeJsonContext.Default.DictionaryStringDictionaryStringWorkMode, cancellationToken);
    }

    private async Task<Dictionary<string, Dictionary<string, WorkMode>>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            await using var stream = File.OpenRead(Path);
            return await JsonSerializer.DeserializeAsync(stream, ConfirmedModeJsonContext.Default.DictionaryStringDictionaryStringWorkMode, cancellationToken) ?? [];
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new AgateException($"the confirmed-mode file {Path} is corrupt ({ex.Message}); delete it and confirm the modes again", ex);
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, WorkMode>>))]
internal sealed partial class ConfirmedModeJsonContext : JsonSerializerContext;
