namespace Clearance.Alerts;

/// <summary>Which alerts to list; null fields do not filter.</summary>
public sealed record AlertFilter(AlertStatus? Status, long? PartyId, long? OrderId, string? List, string? Source);
