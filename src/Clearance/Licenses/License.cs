namespace Clearance.Licenses;

/// <summary>An export authorization the company holds: an individual license, a NAC notification, ACA use or a VEU
/// authorization, with its approved parties, lines and conditions (15 CFR 750.7: valid only for what it names).
/// Amended and revoked, never deleted.</summary>
public sealed class License
{
    public long Id { get; private set; }

    /// <summary>The number BIS gave it (the NAC confirmation number for NAC use); unique.</summary>
    public required string Number { get; set; }

    /// <summary>license, nac, aca or veu.</summary>
    public required string Type { get; set; }

    public required string Holder { get; set; }

    public required DateOnly ValidFrom { get; set; }

    public required DateOnly ValidTo { get; set; }

    /// <summary>ISO 4217; money on the license and its lines is in this currency.</summary>
    public required string Currency { get; set; }

    /// <summary>For NAC: the day the notification was registered in SNAP-R (the 25-day clock starts then).</summary>
    public DateOnly? NotifiedOn { get; set; }

    /// <summary>For NAC: the confirmation number STELA gives at the end of the notice period (Regulation.NacNotice: the NAC text in force on the notification date).</summary>
    public string? ConfirmationNumber { get; set; }

    /// <summary>The license's terms (destinations, parties, conditions) as the API takes them, JSON.</summary>
    public required string TermsJson { get; set; }

    public bool Revoked { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevokeReason { get; set; }

    public required string CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string UpdatedBy { get; set; }

    public required DateTime UpdatedAt { get; set; }

    public List<LicenseLine> Lines { get; init; } = [];
}
