namespace Clearance.Rules.Licensing.Data;

sealed record NacAcaData
{
    public required DateOnly From { get; init; }
    public required int NoticeDays { get; init; }
    public required string Citation { get; init; }

    /// <summary>The entries the exceptions can cover at all (15 CFR 740.8(a); cited as <see cref="Citation"/>).</summary>
    public required IReadOnlyList<string> Eccns { get; init; }

    /// <summary>The sources of a license requirement NAC/ACA overcome; any other source bars them (15 CFR 740.8(b); cited as <see cref="RestrictionCitation"/>).</summary>
    public required IReadOnlyList<RequirementKinds> Covers { get; init; }

    /// <summary>Entries NAC/ACA do not cover when designed or marketed for use in a datacenter.</summary>
    public required IReadOnlyList<string> NotForDatacenterEccns { get; init; }

    public required string NoticeCitation { get; init; }
    public required string RestrictionCitation { get; init; }
    public required string PurchaseOrderCitation { get; init; }
    public required IReadOnlyList<string> AcaGroups { get; init; }
    public required string AcaCitation { get; init; }

    /// <summary>Where the confirmation number a NAC notification receives at the end of the notice period is required.</summary>
    public required string ConfirmationCitation { get; init; }
}
