namespace EnergyTap.Manager;

/// <summary>
/// A price file, forecast, tariff or planning input that cannot be used. The message is one plain line
/// (which entry or line, and what is wrong) that the CLI and the server show as it is.
/// </summary>
public sealed class ManagerInputException : Exception
{
    public ManagerInputException(string message) : base(message) { }

    public ManagerInputException() { }

    public ManagerInputException(string message, Exception innerException) : base(message, innerException) { }
}
