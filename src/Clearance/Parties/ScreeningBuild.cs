using Clearance.Screening;

namespace Clearance.Parties;

/// <summary>Which screening code produced a result: the normaliser, its tables and the scorer all live in
/// <c>Clearance.Screening</c>, whose module version id changes with any change to them (the build is deterministic, so
/// the same source gives the same id). Parties screened by another build are screened again in full.</summary>
public static class ScreeningBuild
{
    public const int MaximumLength = 128;

    /// <remarks>Not the informational version: it carries the commit, and a commit that leaves screening alone must not
    /// re-screen a million parties.</remarks>
    public static string Current { get; } = $"Clearance.Screening module {typeof(ScreeningIndex).Assembly.ManifestModule.ModuleVersionId:N}";
}
