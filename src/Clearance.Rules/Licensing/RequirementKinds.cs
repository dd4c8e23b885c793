namespace Clearance.Rules.Licensing;

/// <summary>The sources of a line's license requirement; §740.8 exceptions cover only some of them.</summary>
[Flags]
enum RequirementKinds
{
    None = 0,
    China2022 = 1,
    AdvancedComputing = 2,
    Headquarters = 4,
    Diffusion = 8,
    Hbm = 16,
    Letter = 32,
    EndUse = 64,
    Embargo = 128,
    ListedParty = 256,
}
