namespace Clearance.Rules.Licensing;

/// <summary>One country's membership of a country group over a span of dates.</summary>
/// <param name="Group">The group.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="From">First day of membership; null when it predates every rule the engine knows.</param>
/// <param name="Until">Last day of membership; null when still a member.</param>
/// <param name="Citation">Where the membership is written.</param>
/// <param name="Unconfirmed">Whether the research marks this membership's history unconfirmed.</param>
/// <param name="Note">Why, in words.</param>
public sealed record GroupMembership(
    CountryGroupId Group, string Country, DateOnly? From, DateOnly? Until, string Citation, bool Unconfirmed, string? Note)
{
    /// <summary>Whether the membership holds on a date.</summary>
    public bool Covers(DateOnly date) => (From is null || From <= date) && (Until is null || date <= Until);
}
