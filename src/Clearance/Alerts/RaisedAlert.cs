namespace Clearance.Alerts;

/// <summary>An alert as it appears in the audit payload of the change that raised it.</summary>
public sealed record RaisedAlert(string Name, string List, string EntryId, string EntryName, double Score, string EntryHash)
{
    public static RaisedAlert Of(Alert alert) =>
        new(alert.PartyName, alert.List, alert.EntryId, alert.EntryName, Math.Round(alert.Score, 4), alert.EntryHash);
}
