namespace Clearance.Alerts;

public enum AlertStatus
{
    /// <summary>Not yet dispositioned: a potential hit.</summary>
    Open,

    /// <summary>An officer found the party to be the listed entity.</summary>
    TrueMatch,

    /// <summary>An officer found the party not to be the listed entity.</summary>
    FalsePositive,

    /// <summary>Closed before any disposition because a later list version removed or changed the entry version the
    /// alert was raised on; a changed entry that still matches the party has raised a new alert.</summary>
    Superseded,
}
