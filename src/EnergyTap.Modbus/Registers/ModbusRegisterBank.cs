namespace EnergyTap.Modbus.Server;

/// <summary>
/// The registers of one Modbus unit: a holding and an input table of 65536 registers each, of which only
/// defined ones exist (reading or writing an undefined register answers ILLEGAL DATA ADDRESS).
/// Thread-safe: a simulator may change registers while clients read and write. Hooks run under the bank's
/// lock, which is re-entrant, so they see and make consistent changes; keep them quick.
/// </summary>
public sealed class ModbusRegisterBank
{
    private readonly Lock sync = new();
    private readonly RegisterArea holding = new();
    private readonly RegisterArea input = new();
    private readonly List<ModbusReadHook> readHooks = [];
    private readonly List<ModbusWriteHook> writeHooks = [];
    private readonly List<Action<ModbusWriteRequest>> afterWriteHooks = [];

    /// <summary>Makes registers exist, from <paramref name="address"/> on, with the given values.</summary>
    public void Define(ModbusRegisterKind kind, ushort address, ReadOnlySpan<ushort> values)
    {
        CheckRange(address, values.Length);
        lock (sync)
        {
            var area = Area(kind);
            area.Define(address, values.Length, exists: true);
            area.Write(address, values);
        }
    }

    /// <summary>Makes <paramref name="count"/> registers exist, all set to <paramref name="fill"/>.</summary>
    public void Define(ModbusRegisterKind kind, ushort address, int count, ushort fill = 0)
    {
        var values = new ushort[count];
        Array.Fill(values, fill);
        Define(kind, address, values);
    }

    /// <summary>Removes registers: reads and writes touching them get ILLEGAL DATA ADDRESS.</summary>
    public void Undefine(ModbusRegisterKind kind, ushort address, int count)
    {
        CheckRange(address, count);
        lock (sync)
        {
            Area(kind).Define(address, count, exists: false);
        }
    }

    public bool IsDefined(ModbusRegisterKind kind, ushort address, int count = 1)
    {
        lock (sync)
        {
            return Area(kind).IsDefined(address, count);
        }
    }

    /// <summary>Changes defined registers without running hooks (the device's own updates).</summary>
    public void Set(ModbusRegisterKind kind, ushort address, ReadOnlySpan<ushort> values)
    {
        CheckRange(address, values.Length);
        lock (sync)
        {
            var area = Area(kind);
            RequireDefined(area, kind, address, values.Length);
            area.Write(address, values);
        }
    }

    public void Set(ModbusRegisterKind kind, ushort address, ushort value) => Set(kind, address, [value]);

    public ushort Get(ModbusRegisterKind kind, ushort address) => Get(kind, address, 1)[0];

    /// <summary>Reads stored values without running hooks.</summary>
    public ushort[] Get(ModbusRegisterKind kind, ushort address, int count)
    {
        CheckRange(address, count);
        var values = new ushort[count];
        lock (sync)
        {
            var area = Area(kind);
            RequireDefined(area, kind, address, count);
            area.Read(address, values);
        }

        return values;
    }

    /// <summary>Runs <paramref name="change"/> under the bank's lock, so clients never see it half done.</summary>
    public void Update(Action<ModbusRegisterBank> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (sync)
        {
            change(this);
        }
    }

    public void AddReadHook(ModbusReadHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (sync)
        {
            readHooks.Add(hook);
        }
    }

    public void AddWriteHook(ModbusWriteHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (sync)
        {
            writeHooks.Add(hook);
        }
    }

    /// <summary>
    /// Runs after a client's write was stored (not after rejected or discarded ones), still under the lock:
    /// the place for registers that follow others, e.g. a mode write that resets its neighbours.
    /// </summary>
    public void AddAfterWriteHook(Action<ModbusWriteRequest> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (sync)
        {
            afterWriteHooks.Add(hook);
        }
    }

    /// <summary>A client's read: checks the range exists, copies values, lets read hooks adjust them.</summary>
    internal ModbusExceptionCode? ReadForClient(byte unitId, ModbusRegisterKind kind, ushort address, ushort[] values)
    {
        lock (sync)
        {
            var area = Area(kind);
            if (!area.IsDefined(address, values.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            area.Read(address, values);
            var request = new ModbusReadRequest(unitId, kind, address, values, this);
            foreach (var hook in readHooks)
            {
                if (hook(request) is { } refusal)
                {
                    return refusal;
                }
            }

            return null;
        }
    }

    /// <summary>A client's write to holding registers: checks the range exists, asks the write hooks, stores.</summary>
    internal ModbusExceptionCode? WriteFromClient(byte unitId, byte functionCode, ushort address, ushort[] values)
    {
        lock (sync)
        {
            if (!holding.IsDefined(address, values.Length))
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            var request = new ModbusWriteRequest(unitId, functionCode, address, values, this);
            foreach (var hook in writeHooks)
            {
                var decision = hook(request);
                switch (decision.Outcome)
                {
                    case ModbusWriteOutcome.Reject:
                        return decision.Code;
                    case ModbusWriteOutcome.Discard:
                        return null;
                }
            }

            holding.Write(address, values);
            foreach (var hook in afterWriteHooks)
            {
                hook(request);
            }

            return null;
        }
    }

    private RegisterArea Area(ModbusRegisterKind kind) => kind == ModbusRegisterKind.Holding ? holding : input;

    private static void RequireDefined(RegisterArea area, ModbusRegisterKind kind, ushort address, int count)
    {
        if (!area.IsDefined(address, count))
        {
            throw new ArgumentOutOfRangeException(nameof(address), $"{kind} registers {address}..{address + count - 1} are not all defined");
        }
    }

    private static void CheckRange(ushort address, int count)
    {
        if (count < 1 || address + count > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"registers {address}+{count} do not fit the 0..65535 address space");
        }
    }
}
