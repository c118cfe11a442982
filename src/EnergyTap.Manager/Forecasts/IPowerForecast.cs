namespace EnergyTap.Manager.Forecasts;

/// <summary>A power forecast (PV or home load) that the planner reads as one mean value per slot.</summary>
public interface IPowerForecast
{
    /// <summary>Mean power in W over each of <paramref name="count"/> slots of <paramref name="slotLength"/> from <paramref name="start"/>.</summary>
    double[] SlotMeans(DateTimeOffset start, TimeSpan slotLength, int count);
}
