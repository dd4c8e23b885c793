namespace Clearance.Parties;

/// <summary>A party as a client sends it, on creation and on update (the whole party each time).</summary>
public sealed record PartyFields(string? Name, IReadOnlyList<string?>? Aliases, string? Country, string? Address, string? Headquarters, string? ExternalReference)
{
    /// <summary>Its owners; each is screened with the party.</summary>
    public IReadOnlyList<PartyOwnerFields?>? Owners { get; init; }
}
