using Clearance.Screening;

namespace Clearance.Alerts;

/// <summary>The hits of one screened subject of a party: the party's own names (<paramref name="Role"/> null) or one of
/// its owners (<see cref="Alert.OwnerRole"/>), under that subject's keys.</summary>
public sealed record PartySubjectHits(string? Role, string Name, string? Country, string SubjectKey, string NameKey,
    IReadOnlyList<(ScreeningMatch Match, string Name)> Hits);
