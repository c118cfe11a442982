namespace EnergyTap.Server.Control;

/// <summary>The command was refused before anything was written (limits, reserve, unknown device).</summary>
public sealed class ControlRefusedException(string message) : Exception(message);

/// <summary>The device did not take the command; the supervisor has tried to release it.</summary>
public sealed class ControlFailedException(string message, Exception? inner = null) : Exception(message, inner);
