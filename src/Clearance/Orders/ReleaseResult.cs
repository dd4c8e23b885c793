namespace Clearance.Orders;

public enum ReleaseResult
{
    Released,
    NotFound,

    /// <summary>Four eyes: the person who submitted an order never releases it.</summary>
    OwnSubmission,

    NotHeld,

    /// <summary>Re-evaluation found a reason to hold that the held decision did not show.</summary>
    NoLongerReleasable,
}
