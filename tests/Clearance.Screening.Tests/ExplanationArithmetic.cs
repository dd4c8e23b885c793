using System.Globalization;
using System.Text.RegularExpressions;

namespace Clearance.Screening.Tests;

/// <summary>Redoes the arithmetic an explanation states, step by step, to the score it ends at.</summary>
static partial class ExplanationArithmetic
{
    /// <summary>The score the explanation's steps give; throws when a stated name score disagrees with its steps.</summary>
    public static double Replay(string explanation, double tolerance)
    {
        double? score = null;
        foreach (var step in explanation.Split("; "))
        {
            if (step.StartsWith("exact: ", StringComparison.Ordinal) || step.Contains(": exact: ", StringComparison.Ordinal))
            {
                score = 1.0;
            }
            else if (step is "empty name" or "no comparable tokens")
            {
                score = 0;
            }
            else if (Share().Match(step) is { Success: true } share)
            {
                var (numerator, denominator, value) = (Number(share, 1), Number(share, 2), Number(share, 3));
                Assert.True(Math.Abs((denominator > 0 ? numerator / denominator : 0) - value) <= tolerance, step);
                score = value;
            }
            else if (Factor().Match(step) is { Success: true } factor)
            {
                score = Current(score, step) * Number(factor, 1);
            }
            else if (SetTo().Match(step) is { Success: true } set)
            {
                score = Number(set, 1);
            }
            else if (Cap().Match(step) is { Success: true } cap)
            {
                score = Math.Min(Current(score, step), Number(cap, 1));
            }
            else if (Bonus().Match(step) is { Success: true } bonus)
            {
                score = Current(score, step) + Number(bonus, 1);
            }
            else if (Penalty().Match(step) is { Success: true } penalty)
            {
                score = Math.Max(0, Current(score, step) - Number(penalty, 1));
            }
            else if (NameScore().Match(step) is { Success: true } name)
            {
                Assert.True(Math.Abs(Current(score, step) - Number(name, 1)) <= tolerance,
                    $"the steps give {score} but the explanation states {step}: {explanation}");
                score = Number(name, 1);
            }
        }

        return score ?? throw new InvalidOperationException("no score stated: " + explanation);
    }

    static double Current(double? score, string step) => score ?? throw new InvalidOperationException("a step before any score: " + step);

    static double Number(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"weighted share ([0-9.]+)/([0-9.]+) = ([0-9.]+)$")]
    private static partial Regex Share();

    [GeneratedRegex(@"^x([0-9.]+) ")]
    private static partial Regex Factor();

    [GeneratedRegex(@": score set to ([0-9.]+)$")]
    private static partial Regex SetTo();

    [GeneratedRegex(@"^capped at ([0-9.]+) ")]
    private static partial Regex Cap();

    [GeneratedRegex(@"^\+([0-9.]+) ")]
    private static partial Regex Bonus();

    [GeneratedRegex(@"^-([0-9.]+) ")]
    private static partial Regex Penalty();

    [GeneratedRegex(@"^name score ([0-9.]+)$")]
    private static partial Regex NameScore();
}
