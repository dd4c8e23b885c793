namespace Clearance.Audit;

/// <summary>
/// The result of checking the chain: <c>FirstBrokenEvent</c> and <c>Problem</c> are set when it is broken. <c>HeadHash</c> is
/// the hash of the last good event; an auditor who noted it earlier can tell whether later events were cut off.
/// </summary>
public sealed record AuditVerification(bool Ok, long Events, long? FirstBrokenEvent, string? Problem, string HeadHash);
