namespace Clearance.Rules.Licensing;

/// <summary>Which reading of the AI Diffusion rule (90 FR 4544) the engine applies.</summary>
public enum DiffusionReading
{
    /// <summary>As BIS enforces it since 2025-05-13: the pre-2025 D:1/D:4/D:5 scope for 3A090.a (the default).</summary>
    Enforced,

    /// <summary>As written (GAO B-337935 says it remains in effect): a worldwide license requirement for 3A090.a/4A090.a.</summary>
    AsWritten,
}
