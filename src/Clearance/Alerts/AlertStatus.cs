namespace Clearance.Alerts;

public enum AlertStatus
{
    /// <summary>Not yet dispositioned: a potential hit.</summary>
    Open,

    /// <summary>An officer found the party to be the listed entity.</summary>
    TrueMatch,

    /// <summary>An officer found the party not to be the listed entity.</summary>
    FalsePositive,
}
