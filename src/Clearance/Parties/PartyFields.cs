namespace Clearance.Parties;

/// <summary>A party as a client sends it, on creation and on update (the whole party each time).</summary>
public sealed record PartyFields(string? Name, IReadOnlyList<string?>? Aliases, string? Country, string? Address, string? Headquarters, string? ExternalReference);
