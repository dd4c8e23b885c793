namespace Clearance.Rules.Licensing;

/// <summary>The screening row reported for a party: its best candidate.</summary>
/// <param name="Role">The party's role.</param>
/// <param name="Name">The party's name.</param>
/// <param name="Decision">Hit, clear or not screened.</param>
/// <param name="List">The list of the best candidate.</param>
/// <param name="Entry">The best candidate's entry.</param>
/// <param name="Score">The best candidate's score.</param>
public sealed record PartyScreening(PartyRole Role, string Name, ScreeningDecision Decision, string? List, string? Entry, double? Score);
