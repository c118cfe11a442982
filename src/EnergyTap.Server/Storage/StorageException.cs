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
