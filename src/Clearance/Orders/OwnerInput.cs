namespace Clearance.Orders;

/// <summary>An owner of a party (optional <c>owners</c> array), for the Affiliates rule.</summary>
public sealed record OwnerInput(string Name, double Percent, string? Country);
