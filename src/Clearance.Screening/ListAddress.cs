namespace Clearance.Screening;

/// <summary>An address of a listed party; <paramref name="Country"/> is ISO 3166-1 alpha-2 when the list gives one.</summary>
public sealed record ListAddress(string Address, string City, string State, string PostalCode, string Country)
{
    /// <summary>The address on one line.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Address, City, State, PostalCode, Country }.Where(p => p.Length > 0));
}
