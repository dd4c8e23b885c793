using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>The wire names of decision values, as DESIGN.md's <c>evaluate</c> contract spells them (<see cref="WireNames"/>).</summary>
public static class DecisionText
{
    public static string Verdict(Verdict verdict) => WireNames.Name(verdict);

    public static string Policy(ReviewPolicy policy) => WireNames.Name(policy);

    public static string Exception(LicenseException exception) => WireNames.Name(exception);

    public static string Role(PartyRole role) => WireNames.Name(role);

    public static string Screening(ScreeningDecision decision) => WireNames.Name(decision);

    public static string Diffusion(DiffusionReading reading) => WireNames.Name(reading);
}
