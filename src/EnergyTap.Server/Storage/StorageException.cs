namespace EnergyTap.Server.Storage;

/// <summary>The store could not be opened or used; the message is one line meant for the user.</summary>
public class StorageException : Exception
{
    public StorageException(string message) : base(message) { }

    public StorageException(string message, Exception innerException) : base(message, innerException) { }

    public StorageException() { }
}

/// <summary>A read-only open found no database (reads never create one).</summary>
public sealed class StoreNotFoundException : StorageException
{
    public StoreNotFoundException(string message) : base(message) { }

    public StoreNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public StoreNotFoundException() { }

    /// <summary>The file that is missing, so a caller can say how to name another one in its own terms.</summary>
    public string? Path { get; init; }
}

/// <summary>A read-only open found an older schema (reads never migrate); opening it for writing upgrades it.</summary>
public sealed class StoreSchemaOutdatedException(string where, int version, int needed)
    : StorageException($"{where} has schema version {version}, this EnergyTap needs {needed}; the service upgrades it when it next opens the database")
{
    /// <summary>The database file or server as the message names it.</summary>
    public string Where { get; } = where;

    public int Version { get; } = version;

    public int Needed { get; } = needed;
}
