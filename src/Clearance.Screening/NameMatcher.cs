namespace Clearance.Screening;

/// <summary>Compares two names as written, over all their readings.</summary>
public static class NameMatcher
{
    /// <summary>The best score over the readings of both names.</summary>
    public static double Score(string name1, string name2, PartyType type = PartyType.Unknown) => Compare(name1, name2, type).Score;

    /// <summary>The best comparison over the readings of both names, with its explanation.</summary>
    public static NameComparison Compare(string name1, string name2, PartyType type = PartyType.Unknown)
    {
        var best = new NameComparison(0, "no comparable tokens");
        foreach (var a in NameNormalizer.Normalize(name1, type))
        {
            foreach (var b in NameNormalizer.Normalize(name2, type))
            {
                var forward = NameScorer.Score(a, b, type);
                var backward = NameScorer.Score(b, a, type);
                if (Math.Max(forward, backward) > best.Score)
                {
                    best = forward >= backward ? NameScorer.Explain(a, b, type) : NameScorer.Explain(b, a, type);
                }
            }
        }

        return best;
    }
}
