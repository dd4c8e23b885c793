namespace Clearance.Audit;

/// <summary>
/// The result of checking the chain and the orders bound to it: <c>FirstBrokenEvent</c> and <c>Problem</c> are set when
/// something does not hold (<c>FirstBrokenEvent</c> stays null when no single event is at fault, such as a log shorter
/// than an expected head or an order no event recorded). <c>HeadEvent</c> and <c>HeadHash</c> are the id and hash of the
/// last good event: an auditor keeps <see cref="Head"/> as a receipt and later checks that the log still contains it
/// (<see cref="AuditVerifier.VerifyAsync(AuditHead?, CancellationToken)"/> with an expected head), which tells whether events were cut off the end.
/// </summary>
public sealed record AuditVerification(bool Ok, long Events, long? FirstBrokenEvent, string? Problem, long HeadEvent, string HeadHash)
{
    /// <summary><c>N:HASH</c>, the form <c>--expect-head</c> takes.</summary>
    public string Head => AuditHead.Format(HeadEvent, HeadHash);
}
