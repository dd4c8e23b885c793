using Clearance.Rules.Licensing.Data;

namespace Clearance.Rules.Licensing;

/// <summary>Country-group membership by date, with Hong Kong folded into China and Macau named beside D:5.</summary>
public sealed class CountryGroups
{
    readonly Dictionary<string, GroupMembership[]>[] _members;
    readonly Dictionary<string, CountryAliasData> _aliases;

    internal CountryGroups(CountryGroupsData data)
    {
        _members = new Dictionary<string, GroupMembership[]>[CountryGroupIds.All.Count];
        for (var i = 0; i < _members.Length; i++)
        {
            _members[i] = new Dictionary<string, GroupMembership[]>(StringComparer.Ordinal);
        }

        foreach (var group in data.Groups)
        {
            var id = CountryGroupIds.Parse(group.Id)
                ?? throw new FormatException($"country-groups.json: unknown country group '{group.Id}'");
            foreach (var grouped in group.Members.GroupBy(m => m.Country, StringComparer.Ordinal))
            {
                _members[(int)id][grouped.Key] = [.. grouped.Select(m =>
                    new GroupMembership(id, m.Country, m.From, m.Until, m.Citation ?? group.Citation, m.Unconfirmed, m.Note))];
            }
        }

        _aliases = data.Aliases.ToDictionary(a => a.Code, StringComparer.Ordinal);
        Macau = data.Macau.Code;
        MacauCitation = data.Macau.Citation;
    }

    /// <summary>Macau's code (MO): not in D:5, but named beside it throughout the advanced-computing rules.</summary>
    public string Macau { get; }

    /// <summary>Where the EAR names Macau beside D:5.</summary>
    public string MacauCitation { get; }

    /// <summary>The country the EAR treats a code as (HK is China) and the citation that says so; the code itself otherwise.</summary>
    public (string Country, string? AliasCitation) Resolve(string code, DateOnly date)
    {
        if (_aliases.TryGetValue(code, out var alias) && (alias.From is null || alias.From <= date))
        {
            return (alias.TreatedAs, alias.Citation);
        }

        return (code, null);
    }

    /// <summary>The membership of a (resolved) country in a group on a date; null when not a member.</summary>
    public GroupMembership? Membership(CountryGroupId group, string country, DateOnly date)
    {
        if (_members[(int)group].TryGetValue(country, out var spans))
        {
            foreach (var span in spans)
            {
                if (span.Covers(date))
                {
                    return span;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a (resolved) country is in a group on a date.</summary>
    public bool IsMember(CountryGroupId group, string country, DateOnly date) => Membership(group, country, date) is not null;

    /// <summary>The members of a group on a date, sorted.</summary>
    public IReadOnlyList<string> Members(CountryGroupId group, DateOnly date) =>
        [.. _members[(int)group].Where(kv => kv.Value.Any(s => s.Covers(date))).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    /// <summary>Memberships of a country (any group) whose history the research marks unconfirmed.</summary>
    public IEnumerable<GroupMembership> UnconfirmedMemberships(string country, DateOnly date)
    {
        foreach (var group in _members)
        {
            if (group.TryGetValue(country, out var spans))
            {
                foreach (var span in spans)
                {
                    if (span.Unconfirmed && span.Covers(date))
                    {
                        yield return span;
                    }
                }
            }
        }
    }
}
