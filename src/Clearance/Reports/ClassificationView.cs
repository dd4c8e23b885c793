using Clearance.Rules;

namespace Clearance.Reports;

/// <summary>A classification as the JSON output shows it.</summary>
public sealed record ClassificationView(
    string Name,
    string AsOf,
    string Eccn,
    double? Tpp,
    double? ComputedTpp,
    double? PublishedTpp,
    double? PerformanceDensity,
    string Rule,
    string Reason,
    string Vintage,
    IReadOnlyList<string> MissingFigures,
    bool Unconfirmed)
{
    public static ClassificationView From(Classification c) => new(
        c.Name,
        c.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        c.Eccn,
        Round(c.Tpp),
        Round(c.ComputedTpp),
        Round(c.PublishedTpp),
        Round(c.PerformanceDensity),
        c.Rule,
        c.Reason,
        c.Vintage,
        c.MissingFigures,
        c.Unconfirmed);

    static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
