namespace Clearance.Orders;

/// <summary>A submitted order, kept as received with the decision taken on it (15 CFR 762: never deleted).</summary>
public sealed class Order
{
    public long Id { get; private set; }

    /// <summary>The submitter's retry key: a second POST with the same key by the same submitter returns this order.</summary>
    public required string IdempotencyKey { get; init; }

    public required string SubmittedBy { get; init; }

    public required DateTime SubmittedAt { get; init; }

    /// <summary>The order's own <c>id</c> field.</summary>
    public required string Reference { get; init; }

    public required DateOnly OrderDate { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Destination { get; init; }

    /// <summary>The request body exactly as received.</summary>
    public required string OrderJson { get; init; }

    /// <summary>Lower-hex SHA-256 of the request body's canonical JSON (<see cref="OrderRequest.Hash"/>): a retry under
    /// the same key must carry the same request. Null on orders stored before it was kept; their body is hashed then.</summary>
    public string? RequestHash { get; init; }

    /// <summary>The latest decision, as <c>evaluate</c> prints it (re-evaluated on release).</summary>
    public required string DecisionJson { get; set; }

    /// <summary>The decision's verdict: cleared, exception, license-required or hold.</summary>
    public required string Verdict { get; set; }

    public required OrderStatus Status { get; set; }

    public required string VintageId { get; set; }

    public string? ListVersionHash { get; set; }

    public required DateTime UpdatedAt { get; set; }

    public string? ReleasedBy { get; set; }

    public DateTime? ReleasedAt { get; set; }

    public string? ReleaseReason { get; set; }

    /// <summary>Per license-required line, how the licenses cover it (<see cref="Licenses.LicenseCoverage"/>, JSON
    /// array); null when no line needs a license.</summary>
    public string? LicenseJson { get; set; }

    /// <summary>A license-required line is not covered: the order is matched again when a license changes.</summary>
    public bool AwaitsLicense { get; set; }
}
