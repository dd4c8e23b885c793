using System.Text.Json.Serialization;

namespace Clearance.Rules.Licensing;

/// <summary>A license exception that authorizes a line without a license; named on the wire as the EAR abbreviates it.</summary>
public enum LicenseException
{
    /// <summary>Notified Advanced Computing, 15 CFR 740.8 (25-day notice to BIS).</summary>
    [JsonStringEnumMemberName("NAC")]
    Nac,

    /// <summary>Advanced Computing Authorized, 15 CFR 740.8 (no notice).</summary>
    [JsonStringEnumMemberName("ACA")]
    Aca,

    /// <summary>Artificial Intelligence Authorization, 15 CFR 740.27 (AI Diffusion rule as written only).</summary>
    [JsonStringEnumMemberName("AIA")]
    Aia,
}
