namespace Clearance.Rules;

/// <summary>The export classification of one item on one date, with the figures and the reason behind it.</summary>
/// <param name="Name">The item's name.</param>
/// <param name="AsOf">The date the rules were taken from.</param>
/// <param name="Eccn">One of <c>3A090</c>, <c>3A090.a</c>, <c>3A090.b</c>, <c>3A090.c</c>, <c>4A090</c>, <c>4A090.a</c>,
/// <c>4A090.b</c>, <c>3A991.p</c>, <c>4A994.l</c>, <c>none</c>, <c>indeterminate</c>.</param>
/// <param name="Level">The control tier, for exhaustive switches.</param>
/// <param name="Rule">The paragraph that decided, e.g. <c>3A090.a.2</c>; empty before the first vintage.</param>
/// <param name="Reason">The comparison in words and numbers, with the citation.</param>
/// <param name="Tpp">The TPP the rules used (the larger of computed and published).</param>
/// <param name="ComputedTpp">TPP computed from dense datasheet figures.</param>
/// <param name="PublishedTpp">TPP as published by the manufacturer.</param>
/// <param name="PerformanceDensity">TPP per mm² of applicable die area.</param>
/// <param name="Vintage">The id of the vintage in force on <paramref name="AsOf"/>; <c>none</c> before the first.</param>
/// <param name="MissingFigures">The CSV columns whose absence made the result indeterminate.</param>
/// <param name="Unconfirmed">Whether the decision rests on a fact the reference research marks unconfirmed.</param>
public sealed record Classification(
    string Name,
    DateOnly AsOf,
    string Eccn,
    ControlLevel Level,
    string Rule,
    string Reason,
    double? Tpp,
    double? ComputedTpp,
    double? PublishedTpp,
    double? PerformanceDensity,
    string Vintage,
    IReadOnlyList<string> MissingFigures,
    bool Unconfirmed);
