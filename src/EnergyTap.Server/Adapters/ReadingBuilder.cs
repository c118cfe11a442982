using EnergyTap.Server.Readings;

namespace EnergyTap.Server.Adapters;

/// <summary>Collects one poll's readings for one device, converting vendor units (kW, kWh) to base units.</summary>
internal sealed class ReadingBuilder(string site, string device, DateTimeOffset time, ReadingQuality quality = ReadingQuality.Fresh)
{
    private readonly List<Reading> _readings = [];

    public IReadOnlyList<Reading> Readings => _readings;

    public ReadingBuilder Add(string quantity, double? value, string unit, string? deviceOverride = null) =>
        Add(quantity, value, unit, corrected: false, deviceOverride);

    /// <summary>Adds a reading; <paramref name="corrected"/> marks a fresh value EnergyTap had to correct (<see cref="ReadingQuality.Corrected"/>).</summary>
    public ReadingBuilder Add(string quantity, double? value, string unit, bool corrected, string? deviceOverride = null)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            value = null;
        }

        var q = value is null && quality == ReadingQuality.Fresh ? ReadingQuality.Missing
            : corrected && quality == ReadingQuality.Fresh ? ReadingQuality.Corrected
            : quality;
        _readings.Add(new Reading(site, deviceOverride ?? device, quantity, value, unit, time, q));
        return this;
    }

    public ReadingBuilder Kilowatts(string quantity, double? kw, string? deviceOverride = null) => Add(quantity, kw * 1000, "W", deviceOverride);

    public ReadingBuilder KilowattHours(string quantity, double? kwh, string? deviceOverride = null) => Add(quantity, kwh * 1000, "Wh", deviceOverride);
}
