namespace Clearance.Rules.Licensing;

/// <summary>How BIS would review a license application, mildest first.</summary>
public enum ReviewPolicy
{
    /// <summary>Presumption of approval.</summary>
    PresumptionOfApproval,

    /// <summary>Case-by-case review.</summary>
    CaseByCase,

    /// <summary>Presumption (or policy) of denial.</summary>
    PresumptionOfDenial,
}
