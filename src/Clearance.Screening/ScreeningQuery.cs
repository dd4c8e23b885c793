namespace Clearance.Screening;

/// <summary>A party to screen: its name and, when known, its country (ISO-2), address and type.</summary>
public sealed record ScreeningQuery(string Name, string? Country = null, string? Address = null, PartyType Type = PartyType.Unknown);
