namespace EnergyTap.Server.Storage;

/// <summary>
/// One stored series. <see cref="First"/> reaches back into the hourly roll-ups; <see cref="RawCount"/> counts
/// the raw readings still kept.
/// </summary>
public sealed record SeriesSummary(
    string Site,
    string Device,
    string Quantity,
    string Unit,
    DateTimeOffset First,
    DateTimeOffset Last,
    long RawCount);
