using System.Globalization;
using Clearance.Orders;
using Clearance.Rules;
using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Licenses;

/// <summary>Checks a <see cref="LicenseRequest"/> and turns it into <see cref="LicenseTerms"/>; every problem is named
/// by its JSON path, and nothing is stored while one remains.</summary>
public sealed class LicenseValidator(IReadOnlyDictionary<string, ItemSpec> catalog, CountryCodes countries)
{
    public const int MaximumNumberLength = 64;
    public const int MaximumNameLength = NameNormalizer.MaxLength;
    public const int MaximumReasonLength = 2000;
    public const int MaximumEntries = 10_000;

    /// <summary>The terms, or null with the errors by JSON path under <paramref name="root"/> (<c>$</c> for a body).</summary>
    public LicenseTerms? Validate(LicenseRequest? request, string root, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors[root] = ["Required: a license object."];
            return null;
        }

        var before = errors.Count;
        var number = Text(request.Number, $"{root}.number", MaximumNumberLength, errors);
        var type = request.Type?.Trim();
        if (type is null || !LicenseTypes.All.Contains(type, StringComparer.Ordinal))
        {
            errors[$"{root}.type"] = [$"Required: one of {string.Join(", ", LicenseTypes.All)}."];
        }

        var holder = Text(request.Holder, $"{root}.holder", MaximumNameLength, errors);
        if (request.ValidFrom is null)
        {
            errors[$"{root}.validFrom"] = ["Required: the first day of validity, YYYY-MM-DD."];
        }

        if (request.ValidTo is null)
        {
            errors[$"{root}.validTo"] = ["Required: the last day of validity, YYYY-MM-DD."];
        }
        else if (request.ValidFrom is { } from && request.ValidTo < from)
        {
            errors[$"{root}.validTo"] = [$"Must not be before validFrom ({from:yyyy-MM-dd})."];
        }

        var currency = request.Currency?.Trim() ?? "USD";
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors[$"{root}.currency"] = ["An ISO 4217 code in capitals, such as USD."];
        }

        var destinations = new List<string>();
        if (request.Destinations is not { Count: > 0 and <= MaximumEntries })
        {
            errors[$"{root}.destinations"] = [$"Required: 1 to {MaximumEntries} ISO 3166-1 alpha-2 codes."];
        }
        else
        {
            for (var i = 0; i < request.Destinations.Count; i++)
            {
                if (Country(request.Destinations[i], $"{root}.destinations[{i}]", errors) is { } code)
                {
                    destinations.Add(code);
                }
            }
        }

        var parties = new List<LicenseParty>();
        if (request.Parties is { Count: > MaximumEntries })
        {
            errors[$"{root}.parties"] = [$"At most {MaximumEntries} parties."];
        }
        else if (request.Parties is not null)
        {
            for (var i = 0; i < request.Parties.Count; i++)
            {
                var path = $"{root}.parties[{i}]";
                if (request.Parties[i] is not { } party)
                {
                    errors[path] = ["Required: { name, country }."];
                    continue;
                }

                var name = Text(party.Name, $"{path}.name", MaximumNameLength, errors);
                if (name is not null && NameNormalizer.NormalizePrimary(name).Full.Length == 0)
                {
                    errors[$"{path}.name"] = ["The name has no letters or digits to match orders by."];
                    name = null;
                }

                var country = Country(party.Country, $"{path}.country", errors);
                if (name is not null && country is not null)
                {
                    parties.Add(new LicenseParty(name, country));
                }
            }
        }

        var lines = new List<LicenseTermsLine>();
        if (request.Lines is not { Count: > 0 and <= MaximumEntries })
        {
            errors[$"{root}.lines"] = [$"Required: 1 to {MaximumEntries} lines."];
        }
        else
        {
            for (var i = 0; i < request.Lines.Count; i++)
            {
                var path = $"{root}.lines[{i}]";
                if (request.Lines[i] is not { } line)
                {
                    errors[path] = ["Required: { item, quantity, value }."];
                    continue;
                }

                var item = Item(line.Item, $"{path}.item", errors);
                var quantity = Whole(line.Quantity, $"{path}.quantity", errors);
                var value = Money(line.Value, $"{path}.value", errors);
                if (item is not null && quantity is not null && value is not null)
                {
                    lines.Add(new LicenseTermsLine(item, quantity.Value, value.Value));
                }
            }
        }

        var conditions = new List<LicenseCondition>();
        if (request.Conditions is not null)
        {
            for (var i = 0; i < request.Conditions.Count; i++)
            {
                if (Condition(request.Conditions[i], $"{root}.conditions[{i}]", errors) is { } condition)
                {
                    if (conditions.Any(c => string.Equals(c.Kind, condition.Kind, StringComparison.Ordinal)))
                    {
                        errors[$"{root}.conditions[{i}].kind"] = [$"'{condition.Kind}' appears twice."];
                        continue;
                    }

                    conditions.Add(condition);
                }
            }
        }

        string? confirmation = null;
        if (type == LicenseTypes.Nac)
        {
            if (request.NotifiedOn is null)
            {
                errors[$"{root}.notifiedOn"] = ["Required for NAC: the day the notification was registered in SNAP-R (15 CFR 740.8(c))."];
            }

            confirmation = request.ConfirmationNumber is null ? null : Text(request.ConfirmationNumber, $"{root}.confirmationNumber", MaximumNumberLength, errors);
        }
        else if (request.NotifiedOn is not null || request.ConfirmationNumber is not null)
        {
            errors[$"{root}.type"] = ["notifiedOn and confirmationNumber belong to NAC notifications only."];
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new LicenseTerms(number!, type!, holder!, request.ValidFrom!.Value, request.ValidTo!.Value, currency,
            destinations.Distinct(StringComparer.Ordinal).ToList(), parties, lines, conditions,
            type == LicenseTypes.Nac ? request.NotifiedOn : null, confirmation);
    }

    /// <summary>The offline <c>used</c> amounts per line, checked against the terms.</summary>
    public IReadOnlyList<(int Line, long Quantity, decimal Value)> Used(LicenseRequest request, LicenseTerms terms, string root, Dictionary<string, string[]> errors)
    {
        var used = new List<(int, long, decimal)>();
        if (request.Used is null)
        {
            return used;
        }

        for (var i = 0; i < request.Used.Count; i++)
        {
            var path = $"{root}.used[{i}]";
            if (request.Used[i] is not { } use)
            {
                errors[path] = ["Required: { line, quantity, value }."];
                continue;
            }

            if (use.Line is not { } line || line < 0 || line >= terms.Lines.Count)
            {
                errors[$"{path}.line"] = [$"Required: a line of the license, 0 to {terms.Lines.Count - 1}."];
                continue;
            }

            var quantity = Whole(use.Quantity ?? 0, $"{path}.quantity", errors);
            var value = Money(use.Value ?? 0, $"{path}.value", errors);
            if (quantity is not null && value is not null)
            {
                used.Add((line, quantity.Value, value.Value));
            }
        }

        return used;
    }

    string? Item(string? item, string path, Dictionary<string, string[]> errors)
    {
        var text = Text(item, path, MaximumNameLength, errors);
        if (text is null)
        {
            return null;
        }

        if (catalog.ContainsKey(text) || ControlEntries.Parse(text) is { } entry && entry is not (ControlEntry.None or ControlEntry.Indeterminate))
        {
            return text;
        }

        errors[path] = [$"Unknown item '{text}': a catalog name (data/chips.csv) or an ECCN of the advanced-computing entries (3A090, 3A090.a, 3A090.b, 3A090.c, 4A090, 4A090.a, 4A090.b, 3A991.p, 4A994.l)."];
        return null;
    }

    static LicenseCondition? Condition(LicenseConditionRequest? condition, string path, Dictionary<string, string[]> errors)
    {
        if (condition is null)
        {
            errors[path] = ["Required: { kind, … }."];
            return null;
        }

        var kind = condition.Kind?.Trim();
        if (kind is null || !ConditionKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            errors[$"{path}.kind"] = [$"Required: one of {string.Join(", ", ConditionKinds.All)}."];
            return null;
        }

        switch (kind)
        {
            case ConditionKinds.RevenueShare:
                if (condition.Rate is not { } rate || rate < 0 || rate > 1)
                {
                    errors[$"{path}.rate"] = ["Required: the share of the invoice amount, from 0 to 1 (0.15 for 15%)."];
                    return null;
                }

                return new LicenseCondition(kind, rate, null, null);
            case ConditionKinds.ChinaUsVolumeCap:
                if (condition.Ratio is not { } ratio || ratio <= 0 || ratio > 1)
                {
                    errors[$"{path}.ratio"] = ["Required: China's units as a share of U.S. units, above 0 and at most 1 (0.5 for 50%)."];
                    return null;
                }

                return new LicenseCondition(kind, null, ratio, null);
            case ConditionKinds.PerCustomerCap:
                return Whole(condition.Quantity, $"{path}.quantity", errors) is { } cap ? new LicenseCondition(kind, null, null, cap) : null;
            default:
                return new LicenseCondition(kind, null, null, null);
        }
    }

    string? Country(string? code, string path, Dictionary<string, string[]> errors)
    {
        var text = code?.Trim();
        if (text is not null && text.Length == 2 && countries.IsKnown(text))
        {
            return text;
        }

        errors[path] = ["Required: an ISO 3166-1 alpha-2 code in capitals, such as CN."];
        return null;
    }

    static string? Text(string? text, string path, int maximum, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maximum)
        {
            errors[path] = [$"Required: 1 to {maximum.ToString(CultureInfo.InvariantCulture)} characters."];
            return null;
        }

        return trimmed;
    }

    static long? Whole(decimal? quantity, string path, Dictionary<string, string[]> errors)
    {
        if (quantity is not { } q || q < 0 || q != decimal.Truncate(q) || q > long.MaxValue)
        {
            errors[path] = ["Required: a whole number of units, 0 or more."];
            return null;
        }

        return (long)q;
    }

    static decimal? Money(decimal? value, string path, Dictionary<string, string[]> errors)
    {
        if (value is not { } v || v < 0 || decimal.Round(v, 2) != v || v >= 1e16m)
        {
            errors[path] = ["Required: an amount of 0 or more with at most two decimals."];
            return null;
        }

        return v;
    }
}
