namespace EnergyTap.FranklinWH.Agate.Control;

/// <summary>
/// A command someone else keeps the deadline of (the server's supervisor): the deadline it will release the
/// command at, and who it is, in words a person reads in `agate status`.
/// </summary>
public sealed record CommandHold(DateTimeOffset Deadline, string Owner);
