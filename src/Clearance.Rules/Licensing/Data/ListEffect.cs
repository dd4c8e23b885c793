namespace Clearance.Rules.Licensing.Data;

/// <summary>What a confirmed match on a restricted-party list does to an order.</summary>
public enum ListEffect
{
    /// <summary>A license is required for every item subject to the EAR (Entity List, MEU List).</summary>
    LicenseAllItems,

    /// <summary>License exceptions are unavailable (Unverified List).</summary>
    NoExceptions,

    /// <summary>Dealing with the party is prohibited (Denied Persons, SDN).</summary>
    Prohibited,

    /// <summary>The list carries no export license consequence (e.g. the CMIC list restricts securities dealings).</summary>
    Informational,
}
