using Clearance.Alerts;

namespace Clearance.Parties;

/// <param name="Result">What happened.</param>
/// <param name="Party">The party as saved (or as found).</param>
/// <param name="Errors">By field name, when <see cref="Result"/> is <see cref="PartyResult.Invalid"/>.</param>
/// <param name="Raised">The alerts the screening of this change raised.</param>
public sealed record PartyOutcome(PartyResult Result, Party? Party, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<Alert> Raised);
