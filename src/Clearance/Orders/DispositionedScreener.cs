using Clearance.Rules.Licensing;
using Clearance.Screening;

namespace Clearance.Orders;

/// <summary>The results an evaluation already screened, handed to the license engine again with each hit's
/// disposition: a decision re-taken from them screens nothing and sees what officers found.</summary>
sealed class DispositionedScreener(string lists, IReadOnlyList<ScreenedParty> screened, Func<ScreenedParty, ScreeningMatch, HitDisposition> disposition)
    : IPartyScreener
{
    public string Lists => lists;

    public ScreenedName Screen(string name, string? country, string? address)
    {
        var earlier = screened.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal)
            && string.Equals(s.Country, country, StringComparison.Ordinal) && string.Equals(s.Address, address, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The evaluation did not screen '{name}': a decision is re-taken only from the names it screened.");
        var facts = new ScreeningFact[earlier.Result.Facts.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            var fact = earlier.Result.Facts[i];
            facts[i] = fact.Decision == ScreeningDecision.Hit ? fact with { Disposition = disposition(earlier, earlier.Result.Matches[i]) } : fact;
        }

        return new ScreenedName(facts, earlier.Result.Matches);
    }
}
