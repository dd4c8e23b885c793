namespace Clearance.Rules.Licensing.Data;

/// <summary>One dated version of a provision: in force from <see cref="From"/> until the next version (of the same
/// reading) starts; every version carries its Federal Register / CFR citation and whether the research confirms it.</summary>
abstract record VersionData
{
    public required DateOnly From { get; init; }

    public required string Citation { get; init; }

    public bool Unconfirmed { get; init; }

    /// <summary>The version applies under this reading of the AI Diffusion rule only; null for both readings.</summary>
    public DiffusionReading? Reading { get; init; }
}
