namespace EnergyTap.Server.Storage;

/// <summary>How long each resolution is kept.</summary>
public sealed record RetentionPolicy
{
    public static readonly RetentionPolicy Default = new();

    public TimeSpan Raw { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan FiveMinutes { get; init; } = TimeSpan.FromDays(90);

    public TimeSpan Hourly { get; init; } = TimeSpan.FromDays(5 * 365);
}
