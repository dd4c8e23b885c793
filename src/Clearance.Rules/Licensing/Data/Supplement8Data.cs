namespace Clearance.Rules.Licensing.Data;

/// <summary>Supplement No. 8 to part 740: entities that receive advanced computing items without a license in the listed countries.</summary>
sealed record Supplement8Data : VersionData
{
    public required IReadOnlyList<string> Countries { get; init; }
    public required string Source { get; init; }

    /// <summary>The party whose name is checked: the first of these roles the order has (e.g. end user, else consignee, else buyer).</summary>
    public required IReadOnlyList<PartyRole> RecipientRoles { get; init; }

    public required IReadOnlyList<string> LegalSuffixes { get; init; }
    public required IReadOnlyList<Supplement8EntityData> Entities { get; init; }
}

sealed record Supplement8EntityData
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
