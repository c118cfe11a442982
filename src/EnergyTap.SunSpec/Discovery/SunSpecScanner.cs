using EnergyTap.Modbus;
using EnergyTap.SunSpec.Points;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnergyTap.SunSpec.Discovery;

/// <summary>
/// Finds the "SunS" marker and walks the model chain in one pass: registers come in 125-register windows and the
/// model headers are parsed out of the buffer, so a cold scan of an aGate (~1,130 registers) takes about ten reads
/// and the scan already holds every model's values. A broken chain ends in a <see cref="SunSpecChainException"/>.
/// </summary>
public static class SunSpecScanner
{
    public static async Task<SunSpecDevice> ScanAsync(IModbusClient modbus, SunSpecScanOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modbus);
        options ??= new SunSpecScanOptions();
        var logger = options.Logger ?? NullLogger.Instance;
        var candidates = options.BaseAddress is int given ? [given] : SunSpecBase.AutoCandidates;
        foreach (var candidate in candidates)
        {
            if (candidate is < 0 or > 65534)
            {
                throw new SunSpecChainException($"base address {candidate} is outside 0..65534");
            }

            var buffer = new ChainBuffer(modbus, options.UnitId, candidate);
            if (!await HasMarkerAsync(buffer, candidate, cancellationToken))
            {
                logger.LogDebug("No SunS marker at {Address}", candidate);
                continue;
            }

            var map = await WalkAsync(buffer, options, logger, cancellationToken);
            var registers = new RegisterBlock(map.BaseAddress, map.TotalRegisters);
            registers.Set(buffer.Start, buffer.Slice(buffer.Start, buffer.End - buffer.Start));
            return new SunSpecDevice(modbus, map, options.UnitId, registers, logger: options.Logger);
        }

        throw new SunSpecChainException(options.BaseAddress is int b
            ? $"no SunSpec marker \"SunS\" at PDU address {b} (unit {options.UnitId})"
            : $"no SunSpec marker \"SunS\" at PDU address 40000, 0 or 50000 (unit {options.UnitId}); give the base address if the device uses another");
    }

    private static async Task<bool> HasMarkerAsync(ChainBuffer buffer, int address, CancellationToken cancellationToken)
    {
        try
        {
            // The marker and the first header (or the end marker): a map has at least these four registers.
            return await buffer.EnsureAsync(address, 4, cancellationToken)
                && buffer[address] == SunSpecBase.Marker0 && buffer[address + 1] == SunSpecBase.Marker1;
        }
        catch (ModbusExceptionResponseException ex) when (ex.Code is ModbusExceptionCode.GatewayPathUnavailable or ModbusExceptionCode.GatewayTargetFailedToRespond)
        {
            // A gateway saying nobody answers as this unit is not "no map here": no other base address will help.
            throw new SunSpecChainException($"no device answers as unit {buffer.UnitId} (the gateway answered exception {(byte)ex.Code}, {ModbusExceptionCodes.Name(ex.Code)}); check the unit id");
        }
        catch (ModbusExceptionResponseException)
        {
            // A device without registers there may answer any exception (illegal function, device failure...).
            return false;
        }
    }

    private static async Task<SunSpecMap> WalkAsync(ChainBuffer buffer, SunSpecScanOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var models = new List<ModelInstance>();
        var address = buffer.Start + 2;
        while (true)
        {
            if (!await buffer.EnsureAsync(address, 2, cancellationToken)
                && !await buffer.EnsureAsync(address, 1, cancellationToken))
            {
                if (address >= 65535)
                {
                    throw new SunSpecChainException($"the model chain from {buffer.Start} reaches the end of the address space without an end marker");
                }

                // Some devices answer an exception where the 0xFFFF end marker should be.
                logger.LogDebug("Chain ends at {Address} with an exception instead of an end marker", address);
                break;
            }

            var id = buffer[address];
            if (id == SunSpecBase.EndMarker)
            {
                break;
            }

            if (!await buffer.EnsureAsync(address, 2, cancellationToken))
            {
                throw new SunSpecChainException($"model {id} at {address} has no readable length register; the chain is broken");
            }

            var length = buffer[address + 1];
            if (length == 0)
            {
                break; // some devices end the chain with L = 0
            }

            if (address + 2 + length > 65536)
            {
                throw new SunSpecChainException($"model {id} at {address} claims L={length}, which runs past the end of the address space; the chain is broken");
            }

            if (models.Count >= options.MaxModels)
            {
                throw new SunSpecChainException($"more than {options.MaxModels} models from {buffer.Start} without an end marker; the chain is broken");
            }

            // Fetch the next header with the data: at the end of the map this saves a round trip.
            if (!await buffer.EnsureAsync(address + 2, length + 2, cancellationToken)
                && !await buffer.EnsureAsync(address + 2, length, cancellationToken))
            {
                throw new SunSpecChainException($"model {id} at {address} claims L={length}, but the device has no registers past {buffer.End - 1}; the chain is broken");
            }

            models.Add(Layout(buffer, options, id, address, length));
            address += 2 + length;
        }

        return new SunSpecMap(buffer.Start, models, address);
    }

    private static ModelInstance Layout(ChainBuffer buffer, SunSpecScanOptions options, int id, int address, int length)
    {
        if (options.Catalog.Find(id) is not { } definition)
        {
            return ModelLayout.Unknown(id, address, length);
        }

        var registers = new RegisterBlock(address, buffer.Slice(address, 2 + length));
        return ModelLayout.Build(definition, address, length, point => PointDecoder.ReadInteger(point, registers));
    }
}
