namespace Clearance.Rules;

/// <summary>A datasheet precision and its bit length for 'total processing performance'.</summary>
public enum Precision
{
    /// <summary>4-bit integer.</summary>
    Int4,

    /// <summary>4-bit floating point.</summary>
    Fp4,

    /// <summary>8-bit integer.</summary>
    Int8,

    /// <summary>8-bit floating point.</summary>
    Fp8,

    /// <summary>16-bit floating point (FP16 or BF16).</summary>
    Fp16,

    /// <summary>32-bit floating point.</summary>
    Fp32,

    /// <summary>64-bit floating point.</summary>
    Fp64,
}
