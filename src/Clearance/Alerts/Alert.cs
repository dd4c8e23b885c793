using Clearance.Orders;
using Clearance.Parties;

namespace Clearance.Alerts;

/// <summary>A potential screening hit of a party-master party or of an order's party, with its explanation and, once an
/// officer has looked, the disposition (never deleted).</summary>
public sealed class Alert
{
    public const string PartySource = "party";
    public const string OrderSource = "order";

    /// <summary>The <see cref="Role"/> of an alert on an owner of a party-master party.</summary>
    public const string OwnerRole = "owner";

    /// <summary>The <see cref="Role"/> of an alert on an owner of an order's party with the role <paramref name="partyRole"/>.</summary>
    public static string OrderOwnerRole(string partyRole) => "owner of " + partyRole;

    public long Id { get; private set; }

    /// <summary><see cref="PartySource"/> or <see cref="OrderSource"/>.</summary>
    public required string Source { get; init; }

    public long? PartyId { get; init; }

    public Party? Party { get; init; }

    public long? OrderId { get; init; }

    public Order? Order { get; init; }

    /// <summary>The order party's role (buyer, consignee, end-user, intermediate, or "owner of" one of them for a party's
    /// owner); for the party master null, or <see cref="OwnerRole"/> for an owner of the party.</summary>
    public string? Role { get; init; }

    /// <summary>The party's name as screened (the primary name; the alias that matched is <see cref="MatchedName"/>'s
    /// counterpart in <see cref="Explanation"/>).</summary>
    public required string PartyName { get; init; }

    public string? Country { get; init; }

    /// <summary><see cref="ScreeningSubject.Key"/> of the party when screened: a false positive holds while it is unchanged.</summary>
    public required string SubjectKey { get; init; }

    /// <summary><see cref="ScreeningSubject.NameKey"/> of the party.</summary>
    public required string NameKey { get; init; }

    public required string List { get; init; }

    public required string EntryId { get; init; }

    public required string EntryName { get; init; }

    /// <summary>The entry's name (primary or alias) that matched best.</summary>
    public required string MatchedName { get; init; }

    public required double Score { get; init; }

    public required string Explanation { get; init; }

    /// <summary><see cref="EntryFingerprint"/> of the entry: the entry version a false positive is remembered for.</summary>
    public required string EntryHash { get; init; }

    /// <summary>The list file the entry came from, with its date and content hash.</summary>
    public required string ListVersion { get; init; }

    /// <summary>Hash of the list versions screened against.</summary>
    public required string ListVersionHash { get; init; }

    public required AlertStatus Status { get; set; }

    public required DateTime RaisedAt { get; init; }

    public string? DispositionedBy { get; set; }

    public DateTime? DispositionedAt { get; set; }

    public string? DispositionReason { get; set; }
}
