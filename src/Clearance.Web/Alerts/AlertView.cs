using System.Text.Json.Serialization;
using Clearance.Alerts;

namespace Clearance.Web.Alerts;

/// <summary>A screening alert: a party (or an order's party, or an owner) that scored at or above the threshold
/// against a list entry.</summary>
/// <param name="Id">The service's number for the alert.</param>
/// <param name="Status">open, true-match, false-positive or superseded.</param>
/// <param name="Source">party (the customer master) or order.</param>
/// <param name="PartyId">The party screened, for a master alert.</param>
/// <param name="OrderId">The order, for an order alert.</param>
/// <param name="Role">The party's role in the order, or <c>owner</c>/<c>owner of …</c> for an owner.</param>
/// <param name="PartyName">The name screened.</param>
/// <param name="Country">The party's country.</param>
/// <param name="List">The list's name as published.</param>
/// <param name="EntryId">The entry's id on the list.</param>
/// <param name="EntryName">The entry's name.</param>
/// <param name="MatchedName">The entry name or alias that matched.</param>
/// <param name="Score">The match score, 0 to 1, four decimals.</param>
/// <param name="Explanation">Why the names match, in words.</param>
/// <param name="EntryHash">The entry version's hash (a false positive is remembered for it).</param>
/// <param name="ListVersion">The list version screened against.</param>
/// <param name="ListVersionHash">The list versions in use.</param>
/// <param name="RaisedAt">When, UTC.</param>
/// <param name="Disposition">The compliance officer's finding (absent while open).</param>
public sealed record AlertView(
    long Id, AlertStatus Status, string Source, long? PartyId, long? OrderId, string? Role, string PartyName, string? Country, string List,
    string EntryId, string EntryName, string MatchedName, double Score, string Explanation, string EntryHash, string ListVersion, string ListVersionHash,
    DateTime RaisedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DispositionView? Disposition)
{
    public static AlertView Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(
            alert.Id, alert.Status, alert.Source, alert.PartyId, alert.OrderId, alert.Role, alert.PartyName, alert.Country, alert.List,
            alert.EntryId, alert.EntryName, alert.MatchedName, Math.Round(alert.Score, 4), alert.Explanation, alert.EntryHash, alert.ListVersion,
            alert.ListVersionHash, alert.RaisedAt,
            alert.DispositionedBy is null ? null : new DispositionView(alert.DispositionedBy, alert.DispositionedAt, alert.DispositionReason));
    }
}

/// <param name="By">Who dispositioned it.</param>
/// <param name="At">When, UTC.</param>
/// <param name="Reason">Why.</param>
public sealed record DispositionView(string By, DateTime? At, string? Reason);
