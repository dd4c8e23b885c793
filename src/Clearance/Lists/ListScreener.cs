using Clearance.Orders;
using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Lists;

/// <summary>Screens order parties against loaded restricted-party lists (<see cref="ListSet"/>) and hands the results to
/// the license engine as facts. A hit is a potential hit until a person dispositions it, so it holds the order.</summary>
public sealed class ListScreener(ListSet lists, double threshold, IReadOnlyList<ListDate>? dates = null) : IPartyScreener
{
    /// <summary>How many matches a name keeps, best first (an order's alerts come from the same ones).</summary>
    public const int Candidates = 3;

    // Computed when asked: the service builds a screener per screened name (CurrentListScreener) and never asks.
    public string Lists => field ??= string.Join("; ", lists.Lists.Select(l => l.Version));

    public IReadOnlyList<ListDate> Dates => field ??= dates ?? [.. lists.Lists.Select(l => new ListDate(l.Version, null))];

    public ScreenedName Screen(string name, string? country, string? address)
    {
        if (address is { Length: > NameNormalizer.MaxLength })
        {
            address = address[..NameNormalizer.MaxLength];
        }

        var matches = lists.Index.Screen(new ScreeningQuery(name, country, address), Candidates);
        var facts = new ScreeningFact[matches.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            var entry = matches[i].Entry;
            facts[i] = new ScreeningFact
            {
                List = entry.List,
                Entry = entry.Name,
                Score = matches[i].Score,
                Decision = matches[i].Score >= threshold ? ScreeningDecision.Hit : ScreeningDecision.Clear,
                LicenseRequirement = entry.LicenseRequirement.Length > 0 ? entry.LicenseRequirement : null,
                LicensePolicy = entry.LicensePolicy.Length > 0 ? entry.LicensePolicy : null,
                FederalRegisterNotice = entry.FederalRegisterNotice.Length > 0 ? entry.FederalRegisterNotice : null,
            };
        }

        return new ScreenedName(facts, matches);
    }
}
