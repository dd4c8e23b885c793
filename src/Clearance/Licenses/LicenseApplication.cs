namespace Clearance.Licenses;

/// <summary>An application for an individual license (15 CFR 748): the items with their classification on the
/// application's date, the destination, the buyer whitelist (party-master parties, screened), the end-use statements
/// and the certifications its review path needs. Moves draft → submitted → a decision, or is withdrawn; never deleted.</summary>
public sealed class LicenseApplication
{
    public long Id { get; private set; }

    /// <summary>The exporter applying.</summary>
    public required string Applicant { get; set; }

    /// <summary>The date whose rules classify the items and decide the review path.</summary>
    public required DateOnly Date { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Destination { get; set; }

    /// <summary>One of <see cref="ApplicationStatuses.All"/>.</summary>
    public required string Status { get; set; }

    /// <summary>The application as drafted (<see cref="ApplicationContent"/>), JSON.</summary>
    public required string ContentJson { get; set; }

    /// <summary>The latest decision (<see cref="ApplicationDecision"/>), JSON; null before one.</summary>
    public string? DecisionJson { get; set; }

    /// <summary>The license an approval created.</summary>
    public long? LicenseId { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public required string CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string UpdatedBy { get; set; }

    public required DateTime UpdatedAt { get; set; }
}
