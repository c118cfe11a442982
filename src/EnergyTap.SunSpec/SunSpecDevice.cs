using EnergyTap.Modbus;
using EnergyTap.SunSpec.Discovery;
using EnergyTap.SunSpec.Planning;
using EnergyTap.SunSpec.Points;
using EnergyTap.SunSpec.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.SunSpec;

/// <summary>
/// A SunSpec device behind a Modbus client: its map (from <see cref="SunSpecScanner.ScanAsync"/> or a map saved
/// earlier) and the values last read. Polls plan the fewest reads; writes are verified by reading back.
/// Calls on one device run one at a time.
/// </summary>
public sealed class SunSpecDevice
{
    private readonly IModbusClient modbus;
    private readonly RegisterBlock registers;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);

    public SunSpecDevice(IModbusClient modbus, SunSpecMap map, byte unitId = 1, RegisterBlock? registers = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        this.modbus = modbus ?? throw new ArgumentNullException(nameof(modbus));
        Map = map ?? throw new ArgumentNullException(nameof(map));
        UnitId = unitId;
        this.registers = registers?.Clone() ?? new RegisterBlock(map.BaseAddress, map.TotalRegisters);
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    public SunSpecMap Map { get; }

    public byte UnitId { get; }

    /// <summary>The values as last read (after a scan: everything the scan read).</summary>
    public SunSpecSnapshot Latest
    {
        get
        {
            lock (registers)
            {
                return new SunSpecSnapshot(Map, registers.Clone());
            }
        }
    }

    /// <summary>The reads a poll of these models (all when null) takes: every point, never split, ≤125 registers a read.</summary>
    public IReadOnlyList<RegisterRange> PlanPoll(IEnumerable<int>? modelIds = null)
    {
        var wanted = modelIds?.ToHashSet();
        var models = Map.Models.Where(m => wanted is null || wanted.Contains(m.Id)).ToList();
        if (wanted is not null && wanted.FirstOrDefault(id => models.All(m => m.Id != id)) is var missing && missing != 0)
        {
            throw new SunSpecPointException($"this device has no model {missing} (it has {string.Join(", ", Map.Models.Select(m => m.Id))})");
        }

        return ReadPlanner.Plan(models.SelectMany(ModelRanges));
    }

    /// <summary>The reads fetching these points and the scale factors they need (static ones only until known).</summary>
    public IReadOnlyList<RegisterRange> PlanRead(IEnumerable<PointLocation> points)
    {
        var items = new List<RegisterRange>();
        foreach (var point in points)
        {
            items.Add(new RegisterRange(point.Address, point.Size));
            if (point.ScaleFactorPoint is { } sf && NeedsRead(sf))
            {
                items.Add(new RegisterRange(sf.Address, sf.Size));
            }
        }

        return ReadPlanner.Plan(items);
    }

    /// <summary>Reads every model in the fewest round trips (about 10 for an aGate).</summary>
    public Task<SunSpecSnapshot> PollAsync(CancellationToken cancellationToken = default) => PollAsync(null, cancellationToken);

    /// <summary>Reads only the given models (with their scale factors, which live in the same model).</summary>
    public async Task<SunSpecSnapshot> PollAsync(IEnumerable<int>? modelIds, CancellationToken cancellationToken = default)
    {
        var plan = PlanPoll(modelIds);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await ReadRangesAsync(plan, cancellationToken);
            return Latest;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Reads points by name ("704.WSetPct", "714.Prt[1].DCW") in as few round trips as they allow.</summary>
    public async Task<IReadOnlyList<PointReading>> ReadAsync(IEnumerable<string> pointNames, CancellationToken cancellationToken = default)
    {
        var points = pointNames.Select(Map.Resolve).ToList();
        await gate.WaitAsync(cancellationToken);
        try
        {
            await ReadRangesAsync(PlanRead(points), cancellationToken);
            var snapshot = Latest;
            return [.. points.Select(snapshot.Read)];
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Writes values in the caller's order (adjacent points merge into one FC 16 run), then reads every written
    /// point back. Values are checked (writable, type range, symbols) before anything is sent.
    /// </summary>
    public Task<WriteReport> WriteAsync(IEnumerable<PointWrite> writes, CancellationToken cancellationToken = default) =>
        WriteAsync(writes, TimeSpan.Zero, cancellationToken);

    /// <param name="readBackDelay">Time to let the device settle before reading back (the aGate applies writes with a delay).</param>
    public async Task<WriteReport> WriteAsync(IEnumerable<PointWrite> writes, TimeSpan readBackDelay, CancellationToken cancellationToken = default)
    {
        var requests = writes.ToList();
        await gate.WaitAsync(cancellationToken);
        try
        {
            var writer = new VerifiedWriter(this, requests);
            return await writer.RunAsync(readBackDelay, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    internal bool NeedsRead(PointLocation scaleFactor) => !scaleFactor.Definition.Static || CurrentInteger(scaleFactor) is null;

    internal long? CurrentInteger(PointLocation point)
    {
        lock (registers)
        {
            return PointDecoder.ReadInteger(point, registers);
        }
    }

    internal TimeProvider TimeProvider => timeProvider;

    internal async Task<int> ReadRangesAsync(IReadOnlyList<RegisterRange> plan, CancellationToken cancellationToken)
    {
        foreach (var range in plan)
        {
            var values = await modbus.ReadHoldingRegistersAsync(UnitId, (ushort)range.Start, (ushort)range.Count, cancellationToken);
            if (values.Length < range.Count)
            {
                throw new ModbusProtocolException($"asked for {range.Count} registers at {range.Start}, got {values.Length}");
            }

            lock (registers)
            {
                registers.Set(range.Start, values.AsSpan(0, range.Count));
            }
        }

        logger.LogDebug("Read {Reads} ranges from unit {Unit}", plan.Count, UnitId);
        return plan.Count;
    }

    internal Task WriteRunAsync(RegisterRange range, ushort[] values, CancellationToken cancellationToken) =>
        modbus.WriteMultipleRegistersAsync(UnitId, (ushort)range.Start, values, cancellationToken);

    private static IEnumerable<RegisterRange> ModelRanges(ModelInstance model) =>
        model.Root is null
            ? [new RegisterRange(model.DataAddress, model.Length)]
            : model.Points.Where(SunSpecSnapshot.IsData).Select(p => new RegisterRange(p.Address, p.Size));
}
