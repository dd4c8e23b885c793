namespace Clearance.Screening.Tests;

/// <summary>Quality at the default threshold on the copied evaluation sets (Data/README.md).</summary>
public sealed class EvaluationTests
{
    [Fact]
    public void Reaches_the_measured_F1_on_the_826_name_bench_pairs()
    {
        var cases = SimpleCsv.Read("name_bench_cases.csv");
        int tp = 0, fp = 0, fn = 0;
        foreach (var c in cases)
        {
            var type = c["schema"] == "Person" ? PartyType.Individual : PartyType.Unknown;
            var predicted = NameMatcher.Score(c["name1"], c["name2"], type) >= ScreeningDefaults.Threshold;
            var actual = c["is_match"] == "true";
            tp += predicted && actual ? 1 : 0;
            fp += predicted && !actual ? 1 : 0;
            fn += !predicted && actual ? 1 : 0;
        }

        var precision = (double)tp / (tp + fp);
        var recall = (double)tp / (tp + fn);
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.Equal(826, cases.Count);
        // Measured 0.900 at 0.80 (bench/README.md, "Screening: token rarity"); logic-v2 scores 0.79; the issue asks 0.90.
        Assert.True(f1 >= 0.90, $"F1 {f1:F3} (P {precision:F3}, R {recall:F3}, TP {tp}, FP {fp}, FN {fn})");
    }

    [Fact]
    public void Matches_all_22_watchman_cross_script_pairs()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "cross_script_pairs.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(SimpleCsv.Split).ToList();
        var missed = lines.Where(p => NameMatcher.Score(p[0], p[1], PartyType.Individual) < ScreeningDefaults.Threshold)
            .Select(p => $"{p[0]}/{p[1]}").ToList();
        Assert.Equal(22, lines.Count);
        // Including Han names read in Korean or Japanese (金正恩 = Kim Jong Un, 山田太郎 = Yamada Taro) through Unihan readings.
        Assert.True(missed.Count == 0, "missed: " + string.Join(", ", missed));
    }
}
