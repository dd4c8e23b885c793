using Clearance.Rules;

namespace Clearance.Licenses;

/// <summary>A license's validated terms: what the matcher reads and what <see cref="License.TermsJson"/> keeps.</summary>
public sealed record LicenseTerms(
    string Number, string Type, string Holder, DateOnly ValidFrom, DateOnly ValidTo, string Currency,
    IReadOnlyList<string> Destinations, IReadOnlyList<LicenseParty> Parties, IReadOnlyList<LicenseTermsLine> Lines,
    IReadOnlyList<LicenseCondition> Conditions, DateOnly? NotifiedOn, string? ConfirmationNumber)
{
    /// <summary>The first day the license may be used: for NAC, the notice period of the NAC text in force when the
    /// notification was registered (<see cref="Regulation.NacNotice"/>, 15 CFR 740.8(c)) after that day, or its validFrom when later.</summary>
    public DateOnly UsableFrom(Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        return NotifiedOn is { } notified && notified.AddDays(regulation.NacNotice(notified).Days) is var usable && usable > ValidFrom
            ? usable
            : ValidFrom;
    }

    public LicenseCondition? Condition(string kind) => Conditions.FirstOrDefault(c => string.Equals(c.Kind, kind, StringComparison.Ordinal));
}

/// <param name="Name">As written on the license.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
public sealed record LicenseParty(string Name, string Country);

/// <param name="Item">A catalog name or an ECCN.</param>
/// <param name="Quantity">Units authorized.</param>
/// <param name="Value">Value authorized, in the license's currency.</param>
public sealed record LicenseTermsLine(string Item, long Quantity, decimal Value);

/// <param name="Kind">One of <see cref="ConditionKinds.All"/>.</param>
/// <param name="Rate">revenue-share.</param>
/// <param name="Ratio">china-us-volume-cap.</param>
/// <param name="Quantity">per-customer-cap.</param>
public sealed record LicenseCondition(string Kind, decimal? Rate, decimal? Ratio, long? Quantity);
