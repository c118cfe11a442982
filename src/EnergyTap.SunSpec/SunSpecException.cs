namespace EnergyTap.SunSpec;

/// <summary>Base of every SunSpec error. None of them leaves the Modbus connection unusable.</summary>
public abstract class SunSpecException : Exception
{
    protected SunSpecException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A model definition file is not valid; the message names the file and the JSON path.</summary>
public sealed class SunSpecModelFileException(string file, string jsonPath, string problem, Exception? inner = null)
    : SunSpecException($"{file}: {jsonPath}: {problem}", inner)
{
    public string File { get; } = file;

    public string JsonPath { get; } = jsonPath;
}

/// <summary>No SunSpec map was found, or its model chain is broken (overrun, wrap-around, no end marker).</summary>
public sealed class SunSpecChainException(string message, Exception? inner = null) : SunSpecException(message, inner);

/// <summary>A point name does not resolve on this device (unknown model or point, index out of range, bad syntax).</summary>
public sealed class SunSpecPointException(string message) : SunSpecException(message)
{
    /// <summary>
    /// Set when the device has the model but the catalog has no definition for it, so a caller can say how to
    /// load one (the library does not know whether that is a flag, a config key or code).
    /// </summary>
    public int? UncataloguedModelId { get; init; }
}

/// <summary>A value cannot be written to a point: read-only, out of range for its type, unknown symbol, wrong kind.</summary>
public sealed class SunSpecValueException(string message) : SunSpecException(message);
