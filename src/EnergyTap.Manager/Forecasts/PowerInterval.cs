namespace EnergyTap.Manager.Forecasts;

/// <summary>Mean power over [Start, End), W.</summary>
public sealed record PowerInterval(DateTimeOffset Start, DateTimeOffset End, double Watts);
