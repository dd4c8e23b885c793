namespace Clearance.Orders;

public enum ReleaseResult
{
    Released,
    NotFound,

    /// <summary>Four eyes: the person who submitted an order never releases it.</summary>
    OwnSubmission,

    NotHeld,

    /// <summary>An alert of the order is still open: every hit is dispositioned before a release.</summary>
    OpenAlerts,

    /// <summary>Re-evaluation found a reason to hold that the held decision did not show.</summary>
    NoLongerReleasable,
}
