namespace EnergyTap.Manager.Prices;

/// <summary>One price interval, [Start, End), in currency per kWh (the generic `[{"start","end","value"}]` form).</summary>
public sealed record PriceSlot(DateTimeOffset Start, DateTimeOffset End, double Value);
