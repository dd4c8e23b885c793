namespace Clearance.Orders;

/// <summary>A name an evaluation screened (a party's or an owner's), as it was queried, with what it found.</summary>
public sealed record ScreenedParty(string Name, string? Country, string? Address, ScreenedName Result);
