namespace Clearance.Licenses;

/// <summary>A license application read back: its content, the decision, the license an approval created and how
/// each whitelist party screens now.</summary>
public sealed record ApplicationRecord(
    LicenseApplication Application, ApplicationContent Content, ApplicationDecision? Decision, string? LicenseNumber,
    IReadOnlyDictionary<long, PartyScreeningState> Screening);

/// <summary>How a party-master party screens: when, against which lists, and the alerts on it.</summary>
/// <param name="PartyId">The party.</param>
/// <param name="ScreenedAt">When it was last screened.</param>
/// <param name="ListVersionHash">The lists it was screened against.</param>
/// <param name="Decision"><c>clear</c>, <c>potential-hit</c> (an open alert) or <c>true-match</c> (a standing true match).</param>
/// <param name="Hits">The alerts on it, oldest first.</param>
public sealed record PartyScreeningState(long PartyId, DateTime ScreenedAt, string ListVersionHash, string Decision, IReadOnlyList<ScreeningHitState> Hits);

/// <param name="AlertId">The alert.</param>
/// <param name="List">The list.</param>
/// <param name="Entry">The entry's name.</param>
/// <param name="Score">The match score.</param>
/// <param name="Status">open, true-match, false-positive or superseded.</param>
public sealed record ScreeningHitState(long AlertId, string List, string Entry, double Score, string Status);
