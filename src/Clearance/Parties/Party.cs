namespace Clearance.Parties;

/// <summary>A customer in the party master, screened on creation and on every change (never deleted).</summary>
public sealed class Party
{
    public long Id { get; private set; }

    /// <summary>The ERP's key for this customer; unique when given.</summary>
    public string? ExternalReference { get; set; }

    public required string Name { get; set; }

    /// <summary>Other names the party trades under (each is screened too).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Who owns the party (each is screened too; a listed owner's hit is an alert on the party).</summary>
    public List<PartyOwner> Owners { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }

    public string? Address { get; set; }

    /// <summary>Country of the ultimate parent, ISO 3166-1 alpha-2.</summary>
    public string? Headquarters { get; set; }

    /// <summary>SHA-256 of what screening reads (see <see cref="ScreeningSubject"/>): a false positive is remembered
    /// until this changes.</summary>
    public required string SubjectKey { get; set; }

    /// <summary>SHA-256 of the normalised primary name and country, the key that finds this party's orders.</summary>
    public required string NameKey { get; set; }

    public required string CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string UpdatedBy { get; set; }

    public required DateTime UpdatedAt { get; set; }

    /// <summary>When the party was last screened on its own (created, changed, named again); a re-screening pass records
    /// its batches as <see cref="ScreeningStamp"/>s instead. <see cref="PartyWorkflow"/>'s reads give the later of the two.</summary>
    public required DateTime ScreenedAt { get; set; }

    /// <summary>The list versions of that screening (<see cref="ScreenedAt"/>).</summary>
    public required string ListVersionHash { get; set; }
}
