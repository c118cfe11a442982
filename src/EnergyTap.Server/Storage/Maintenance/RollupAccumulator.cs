namespace EnergyTap.Server.Storage.Maintenance;

/// <summary>
/// Folds raw readings, ordered by series and time, into buckets. Kept in C# rather than SQL so both backends
/// compute exactly the same numbers (including "last", which has no portable SQL aggregate).
/// </summary>
public sealed class RollupAccumulator(TimeSpan width)
{
    private readonly List<RollupBucket> _completed = [];
    private string? _site, _device, _quantity, _unit;
    private DateTimeOffset _start;
    private double _sum;
    private double? _min, _max, _last;
    private long _count;
    private bool _open;

    public void Add(string site, string device, string quantity, string unit, DateTimeOffset time, double? value)
    {
        var start = BucketStart(time, width);
        if (!_open || start != _start || site != _site || device != _device || quantity != _quantity)
        {
            Close();
            (_site, _device, _quantity, _unit, _start, _open) = (site, device, quantity, unit, start, true);
        }

        _unit = unit;
        if (value is not { } v)
        {
            return;
        }

        _sum += v;
        _count++;
        _min = _min is { } min ? Math.Min(min, v) : v;
        _max = _max is { } max ? Math.Max(max, v) : v;
        _last = v;
    }

    /// <summary>Every bucket seen so far, the last one included.</summary>
    public IReadOnlyList<RollupBucket> Finish()
    {
        Close();
        return _completed;
    }

    /// <summary>The start of the bucket that contains <paramref name="time"/>; buckets are aligned to the Unix epoch, UTC.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset time, TimeSpan width)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % width.Ticks), TimeSpan.Zero);
    }

    private void Close()
    {
        if (!_open)
        {
            return;
        }

        _completed.Add(new RollupBucket(_site!, _device!, _quantity!, _unit!, _start,
            _count > 0 ? _sum / _count : null, _min, _max, _count, _last));
        (_sum, _min, _max, _last, _count, _open) = (0, null, null, null, 0, false);
    }
}
