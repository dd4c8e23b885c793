using System.Globalization;
using Clearance.Parties;
using Clearance.Rules;
using Clearance.Rules.Licensing;

namespace Clearance.Licenses;

/// <summary>
/// The one coverage check, shared by the service and <c>evaluate --licenses</c>: for each license-required line of an
/// order, the first license that covers it in full, or the license that came closest with every reason it fails. A
/// license covers a line when it is in force on the order date, names the destination and every buyer, consignee and
/// end user of the order (by normalised name and country, as screening normalises), and has a line for the item (by
/// catalog name, or by an ECCN the item is classified under) with the line's whole quantity and value left. A covered
/// line draws its amounts from the <see cref="BookLicense"/>.
/// </summary>
/// <param name="regulation">The regulation: the country the EAR treats a code as on a date (HK as CN), the NAC notice
/// period in force on a notification's date and where its confirmation number is required.</param>
public sealed class LicenseMatcher(Regulation regulation)
{
    // 15 CFR 750.7(a): a license authorizes only the transaction described in the application and the license.
    const string Scope = "15 CFR 750.7(a)";

    string ResolveCountry(string code, DateOnly date) => regulation.CountryGroups.Resolve(code, date).Country;

    /// <summary>Coverage of every license-required line, in line order; lines that need no license get none.</summary>
    public IReadOnlyList<LicenseCoverage> Match(LicenseDemand order, IReadOnlyList<BookLicense> licenses)
    {
        var coverage = new List<LicenseCoverage>();
        foreach (var line in order.Lines)
        {
            if (line.LicenseRequired)
            {
                coverage.Add(MatchLine(order, line, licenses));
            }
        }

        return coverage;
    }

    LicenseCoverage MatchLine(LicenseDemand order, DemandLine line, IReadOnlyList<BookLicense> licenses)
    {
        BookLicense? closest = null;
        List<CoverageReason>? closestReasons = null;
        foreach (var license in licenses)
        {
            if (license.Revoked)
            {
                continue;
            }

            var (reasons, licenseLine) = Check(order, line, license);
            if (reasons.Count == 0)
            {
                var value = Value(line);
                license.QuantityLeft[licenseLine] -= line.Quantity;
                license.ValueLeft[licenseLine] -= value;
                return new LicenseCoverage(line.Index, license.Terms.Number, true, [], licenseLine, line.Quantity, value);
            }

            if (closestReasons is null || reasons.Count < closestReasons.Count)
            {
                closest = license;
                closestReasons = reasons;
            }
        }

        if (closest is null)
        {
            return new LicenseCoverage(line.Index, null, false,
                [new CoverageReason(CoverageCodes.NoLicense, $"No license in force is on record for this order; '{line.Item}' ({line.Eccn}) needs one ({Scope}).")],
                null, 0, 0);
        }

        return new LicenseCoverage(line.Index, closest.Terms.Number, false, closestReasons!, null, 0, 0);
    }

    (List<CoverageReason> Reasons, int Line) Check(LicenseDemand order, DemandLine line, BookLicense license)
    {
        var terms = license.Terms;
        var reasons = new List<CoverageReason>();
        var usableFrom = terms.UsableFrom(regulation);
        var notice = regulation.NacNotice(terms.NotifiedOn ?? terms.ValidFrom);
        if (order.Date < usableFrom)
        {
            var why = usableFrom > terms.ValidFrom
                ? $"NAC may be used only from the {Ordinal(notice.Days)} calendar day after the notification was registered ({terms.NotifiedOn:yyyy-MM-dd}), that is from {usableFrom:yyyy-MM-dd} ({notice.Citation})"
                : $"it is valid from {terms.ValidFrom:yyyy-MM-dd} ({Scope})";
            reasons.Add(new CoverageReason(CoverageCodes.NotYetValid, $"License {terms.Number} is not yet valid on {order.Date:yyyy-MM-dd}: {why}."));
        }

        if (order.Date > terms.ValidTo)
        {
            reasons.Add(new CoverageReason(CoverageCodes.Expired, $"License {terms.Number} expired on {terms.ValidTo:yyyy-MM-dd}, before the order date {order.Date:yyyy-MM-dd} ({Scope})."));
        }

        if (terms.Type == LicenseTypes.Nac && terms.ConfirmationNumber is null)
        {
            reasons.Add(new CoverageReason(CoverageCodes.NacNotConfirmed,
                $"NAC notification {terms.Number} has no confirmation number: STELA gives it on the {Ordinal(notice.Days)} day, and it goes into AES with the export ({regulation.NacConfirmationCitation})."));
        }

        var destination = ResolveCountry(order.Destination, order.Date);
        if (!terms.Destinations.Any(d => string.Equals(ResolveCountry(d, order.Date), destination, StringComparison.Ordinal)))
        {
            reasons.Add(new CoverageReason(CoverageCodes.DestinationNotCovered,
                $"License {terms.Number} covers {string.Join(", ", terms.Destinations)}, not the destination {order.Destination} ({Scope})."));
        }

        foreach (var party in order.Parties)
        {
            if (!license.PartyKeys.Contains(ScreeningSubject.NameKey(party.Name, party.Country)))
            {
                reasons.Add(new CoverageReason(CoverageCodes.PartyNotApproved,
                    $"'{party.Name}' ({party.Country}) is not among the parties approved on license {terms.Number} ({Scope})."));
            }
        }

        var candidates = Enumerable.Range(0, terms.Lines.Count).Where(i => Covers(terms.Lines[i].Item, line)).ToList();
        if (candidates.Count == 0)
        {
            reasons.Add(new CoverageReason(CoverageCodes.ItemNotCovered,
                $"License {terms.Number} has no line for '{line.Item}' or its ECCN {line.Eccn} ({Scope})."));
            return (reasons, -1);
        }

        if (line.UnitPrice is null)
        {
            reasons.Add(new CoverageReason(CoverageCodes.ValueUnknown,
                $"The order line gives no unitPrice, so the value it would draw from license {terms.Number} cannot be checked."));
            return (reasons, -1);
        }

        var value = Value(line);
        var fits = candidates.FirstOrDefault(i => license.QuantityLeft[i] >= line.Quantity && license.ValueLeft[i] >= value, -1);
        if (fits >= 0)
        {
            return (reasons, fits);
        }

        var best = candidates.MaxBy(i => license.QuantityLeft[i]);
        if (candidates.All(i => license.QuantityLeft[i] < line.Quantity))
        {
            reasons.Add(new CoverageReason(CoverageCodes.QuantityExhausted,
                $"License {terms.Number} line {best.ToString(CultureInfo.InvariantCulture)} has {license.QuantityLeft[best].ToString(CultureInfo.InvariantCulture)} units left; the order line needs {line.Quantity.ToString(CultureInfo.InvariantCulture)} ({Scope})."));
        }
        else
        {
            var richest = candidates.MaxBy(i => license.ValueLeft[i]);
            reasons.Add(new CoverageReason(CoverageCodes.ValueExhausted,
                $"License {terms.Number} line {richest.ToString(CultureInfo.InvariantCulture)} has {license.ValueLeft[richest].ToString("0.00", CultureInfo.InvariantCulture)} {terms.Currency} left; the order line is worth {value.ToString("0.00", CultureInfo.InvariantCulture)} ({Scope})."));
        }

        return (reasons, -1);
    }

    /// <summary>A license line names the item itself, or an ECCN the item falls under (3A090 covers 3A090.a).</summary>
    static bool Covers(string licensed, DemandLine line) =>
        string.Equals(licensed, line.Item, StringComparison.Ordinal)
        || (ControlEntries.Parse(licensed) is not null
            && (string.Equals(licensed, line.Eccn, StringComparison.Ordinal) || line.Eccn.StartsWith(licensed + ".", StringComparison.Ordinal)));

    static decimal Value(DemandLine line) => line.Quantity * (line.UnitPrice ?? 0);

    /// <summary>An English ordinal: 1st, 2nd, 3rd, 11th, 25th.</summary>
    static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });
}
