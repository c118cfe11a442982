namespace EnergyTap.Server.Storage.Control;

/// <summary>One line of the audit log: who (user, REST client, supervisor) did what.</summary>
public sealed record AuditEntry(DateTimeOffset Time, string Actor, string Action, string Detail);
