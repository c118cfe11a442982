namespace EnergyTap.Server.Storage;

/// <summary>Narrows a query to some series; a null part matches everything.</summary>
public sealed record SeriesFilter(string? Site = null, string? Device = null, string? Quantity = null)
{
    public static readonly SeriesFilter All = new();
}
