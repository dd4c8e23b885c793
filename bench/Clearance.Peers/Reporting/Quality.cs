namespace Clearance.Peers.Reporting;

/// <summary>The quality figures of one system at one threshold.</summary>
public sealed record Quality(
    int AliasesFound,
    int Aliases,
    int NegativeHits,
    int Negatives,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int CrossScriptMatched,
    int CrossScript)
{
    public double AliasRecall => Ratio(AliasesFound, Aliases);

    public double FalsePositiveRate => Ratio(NegativeHits, Negatives);

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    private static double Ratio(int count, int total) => total == 0 ? 0 : (double)count / total;
}
