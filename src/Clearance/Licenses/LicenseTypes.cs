namespace Clearance.Licenses;

/// <summary>The authorizations a license record can stand for.</summary>
public static class LicenseTypes
{
    /// <summary>An individual license (15 CFR Part 750).</summary>
    public const string License = "license";

    /// <summary>License Exception NAC, notified (15 CFR 740.8(c)).</summary>
    public const string Nac = "nac";

    /// <summary>License Exception ACA (15 CFR 740.8, 89 FR 23884).</summary>
    public const string Aca = "aca";

    /// <summary>Validated End-User authorization (15 CFR 748.15).</summary>
    public const string Veu = "veu";

    public static IReadOnlyList<string> All { get; } = [License, Nac, Aca, Veu];
}
