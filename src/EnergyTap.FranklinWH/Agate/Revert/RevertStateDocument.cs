using System.Text.Json.Serialization;

namespace EnergyTap.FranklinWH.Agate.Revert;

/// <summary>The state file's shape. Version lets a later release migrate it.</summary>
internal sealed record RevertStateDocument(int Version, List<ActiveCommandRecord> Commands);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RevertStateDocument))]
internal sealed partial class RevertJsonContext : JsonSerializerContext;
