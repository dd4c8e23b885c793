using Clearance.Rules.Licensing;

namespace Clearance.Orders;

/// <summary>The wire names of decision values, as DESIGN.md's <c>evaluate</c> contract spells them.</summary>
public static class DecisionText
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Rules.Licensing.Verdict.Cleared => "cleared",
        Rules.Licensing.Verdict.Exception => "exception",
        Rules.Licensing.Verdict.LicenseRequired => "license-required",
        Rules.Licensing.Verdict.Hold => "hold",
    };

    public static string Policy(ReviewPolicy policy) => LicenseEngine.Text(policy);

    public static string Exception(LicenseException exception) => exception switch
    {
        LicenseException.Nac => "NAC",
        LicenseException.Aca => "ACA",
        LicenseException.Aia => "AIA",
    };

    public static string Role(PartyRole role) => role switch
    {
        PartyRole.Buyer => "buyer",
        PartyRole.Consignee => "consignee",
        PartyRole.EndUser => "end-user",
        PartyRole.Intermediate => "intermediate",
    };

    public static string Screening(ScreeningDecision decision) => decision switch
    {
        ScreeningDecision.Clear => "clear",
        ScreeningDecision.Hit => "hit",
        ScreeningDecision.NotScreened => "not-screened",
    };

    public static string Diffusion(DiffusionReading reading) => reading switch
    {
        DiffusionReading.Enforced => "enforced",
        DiffusionReading.AsWritten => "as-written",
    };
}
