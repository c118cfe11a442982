namespace EnergyTap.SunPower.Model;

/// <summary>
/// What the unauthenticated dl_cgi/supervisor/info (and Command=Start) say about the PVS: enough to pick the
/// API generation and derive the LocalAPI password.
/// </summary>
public sealed record PvsSupervisorInfo(string? Serial, string? Model, int? Build, string? SoftwareVersion, string? FirmwareVersion)
{
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    public bool IsPvs5 => Model?.Contains("PVS5", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Firmware offering the LocalAPI varserver: PVS6 build 61840 (2025.06) and later, PVS5 build 5408 and later.
    /// Null when the build is unknown.
    /// </summary>
    public PvsGeneration? Generation => Build switch
    {
        null => null,
        { } b when IsPvs5 => b >= 5408 ? PvsGeneration.Varserver : PvsGeneration.Legacy,
        { } b => b >= 61840 ? PvsGeneration.Varserver : PvsGeneration.Legacy,
    };
}
