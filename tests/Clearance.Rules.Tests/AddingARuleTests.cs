using Clearance.Rules.Licensing;
using static Clearance.Rules.Tests.Licensing.TestRules;

namespace Clearance.Rules.Tests;

/// <summary>docs/adding-a-rule.md, done: the data diff it shows is applied, hunk by hunk, to the shipped rule files,
/// and the table rows it shows run against the result. When the shipped data moves under the diff, this fails and the
/// note is brought up to date.</summary>
public sealed class AddingARuleTests
{
    static readonly string Note = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "adding-a-rule.md"));

    static readonly Lazy<Regulation> WithTestRule = new(() =>
    {
        var texts = Regulation.Files.ToDictionary(f => f, Read);
        var applied = 0;
        foreach (var (file, oldText, newText) in DataHunks(Note))
        {
            var text = texts[file].ReplaceLineEndings("\n");
            var at = text.IndexOf(oldText, StringComparison.Ordinal);
            Assert.True(at >= 0, $"a hunk of the note's diff no longer applies to data/rules/{file}");
            Assert.True(text.IndexOf(oldText, at + 1, StringComparison.Ordinal) < 0, $"a hunk of the note's diff matches data/rules/{file} twice");
            texts[file] = string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length));
            applied++;
        }

        Assert.Equal(2, applied);
        return Regulation.Load(texts);
    });

    /// <summary>The hunks of the note's <c>diff</c> block that change files of <c>data/rules</c>: the text before and after.</summary>
    static IEnumerable<(string File, string Old, string New)> DataHunks(string note)
    {
        var lines = note.ReplaceLineEndings("\n").Split('\n');
        var inDiff = false;
        string? file = null;
        List<string>? before = null, after = null;
        foreach (var line in lines)
        {
            if (!inDiff)
            {
                inDiff = line == "```diff";
                continue;
            }

            var hunkEnds = line == "```" || line.StartsWith("diff --git ", StringComparison.Ordinal) || line.StartsWith("@@", StringComparison.Ordinal);
            if (hunkEnds && file is not null && before is not null)
            {
                yield return (file, string.Join('\n', before), string.Join('\n', after!));
                before = after = null;
            }

            if (line == "```")
            {
                inDiff = false;
                file = null;
            }
            else if (line.StartsWith("+++ b/", StringComparison.Ordinal))
            {
                file = line["+++ b/".Length..] is var path && path.StartsWith("data/rules/", StringComparison.Ordinal) ? path["data/rules/".Length..] : null;
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                (before, after) = (file is null ? null : [], file is null ? null : []);
            }
            else if (before is not null && !line.StartsWith("--- ", StringComparison.Ordinal))
            {
                var body = line.Length > 0 ? line[1..] : string.Empty;
                if (line.Length == 0 || line[0] is ' ' or '-')
                {
                    before.Add(body);
                }

                if (line.Length == 0 || line[0] is ' ' or '+')
                {
                    after!.Add(body);
                }
            }
        }
    }

    // The rows the note adds to ProvisionVersionTests.The_advanced_computing_review_policy_is_the_version_in_force,
    // with the same check, run on the shipped rules plus the note's test rule.
    [Theory]
    [InlineData("SA", null, "2027-02-28", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfApproval)]
    [InlineData("SA", null, "2027-03-01", DiffusionReading.Enforced, ReviewPolicy.CaseByCase)]
    [InlineData("SA", "CN", "2027-03-01", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfDenial)]
    [InlineData("VE", null, "2027-03-01", DiffusionReading.Enforced, ReviewPolicy.PresumptionOfDenial)]
    public void The_test_rule_of_the_note_takes_effect_on_its_date(string destination, string? headquarters, string date, DiffusionReading reading, ReviewPolicy? policy)
    {
        var order = Order(destination, date, H100, Buyer(destination, headquarters));
        var line = Assert.Single(new LicenseEngine(WithTestRule.Value).Evaluate(order, order.Date, reading).Lines);

        Assert.Equal(policy is not null, line.LicenseRequired);
        Assert.Equal(policy, line.ReviewPolicy);
        // From its date the review policies are the test rule's version, which the finding cites.
        Assert.Equal(Day(date) >= Day("2027-03-01"), line.Finding(FindingCodes.ReviewPolicy).Citation.StartsWith("TEST RULE", StringComparison.Ordinal));

        // The shipped rules, without the note's edit, keep the presumption of approval.
        var shipped = Evaluate(destination, date, H100, Buyer(destination, headquarters), reading: reading);
        Assert.Equal(policy == ReviewPolicy.CaseByCase ? ReviewPolicy.PresumptionOfApproval : policy, shipped.ReviewPolicy);
    }

    // The rule's vintage is the one both classify and evaluate name from its date.
    [Theory]
    [InlineData("2027-02-28", "2026-07-10")]
    [InlineData("2027-03-01", "2027-03-01")]
    public void The_test_rule_starts_a_vintage_that_classify_and_evaluate_both_report(string date, string vintage)
    {
        var regulation = WithTestRule.Value;
        var order = Order("SA", date, H100);
        Assert.Equal(vintage, new LicenseEngine(regulation).Evaluate(order, order.Date, DiffusionReading.Enforced).Vintage);
        Assert.Equal(vintage, Classifier.Classify(ShippedRules.Chip(15840, 814), Day(date), regulation).Vintage);
    }
}
