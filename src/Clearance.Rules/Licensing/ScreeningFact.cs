namespace Clearance.Rules.Licensing;

/// <summary>A screening result about a party, as the rules engine receives it (it never calls screening itself).</summary>
public sealed record ScreeningFact
{
    /// <summary>The list the entry is on, as published (e.g. "Entity List (EL) - Bureau of Industry and Security").</summary>
    public required string List { get; init; }

    /// <summary>The list entry's name or id.</summary>
    public required string Entry { get; init; }

    /// <summary>Match score in [0, 1].</summary>
    public required double Score { get; init; }

    /// <summary>Whether the score reached the threshold.</summary>
    public required ScreeningDecision Decision { get; init; }

    /// <summary>What a person decided about the hit; <see cref="HitDisposition.Pending"/> until someone looks.</summary>
    public HitDisposition Disposition { get; init; } = HitDisposition.Pending;

    /// <summary>The entry's license requirement (Entity List), e.g. "For all items subject to the EAR".</summary>
    public string? LicenseRequirement { get; init; }

    /// <summary>The entry's license review policy (Entity List), e.g. "Policy of denial".</summary>
    public string? LicensePolicy { get; init; }

    /// <summary>The Federal Register notice that listed the entry.</summary>
    public string? FederalRegisterNotice { get; init; }
}
