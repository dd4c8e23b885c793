namespace Clearance.Screening;

/// <summary>Compares two names as written, over all their readings.</summary>
public static class NameMatcher
{
    /// <summary>The best score over the readings of both names.</summary>
    /// <param name="name1">One name as written.</param>
    /// <param name="name2">The other name as written.</param>
    /// <param name="type">Individual when either party is a person.</param>
    /// <param name="rarity">How common each token is among listed parties; <see cref="TokenRarity.Shipped"/> when null.</param>
    public static double Score(string name1, string name2, PartyType type = PartyType.Unknown, TokenRarity? rarity = null) =>
        Compare(name1, name2, type, rarity).Score;

    /// <summary>The best comparison over the readings of both names, with its explanation.</summary>
    /// <param name="name1">One name as written.</param>
    /// <param name="name2">The other name as written.</param>
    /// <param name="type">Individual when either party is a person.</param>
    /// <param name="rarity">How common each token is among listed parties; <see cref="TokenRarity.Shipped"/> when null.</param>
    public static NameComparison Compare(string name1, string name2, PartyType type = PartyType.Unknown, TokenRarity? rarity = null)
    {
        var best = new NameComparison(0, "no comparable tokens");
        foreach (var a in NameNormalizer.Normalize(name1, type))
        {
            foreach (var b in NameNormalizer.Normalize(name2, type))
            {
                var forward = NameScorer.Score(a, b, type, rarity);
                var backward = NameScorer.Score(b, a, type, rarity);
                if (Math.Max(forward, backward) > best.Score)
                {
                    best = forward >= backward ? NameScorer.Explain(a, b, type, rarity) : NameScorer.Explain(b, a, type, rarity);
                }
            }
        }

        return best;
    }
}
