namespace Clearance.Rules;

/// <summary>The largest TPP a part can have and stay outside one scope of the controls.</summary>
/// <param name="Scope">What the part stays outside of: <c>3A090</c> (every paragraph) or <c>3A090.a</c>.</param>
/// <param name="Supremum">The least upper bound of the TPPs that stay outside; excluded itself, because the binding
/// paragraph applies at "X or more". Null when no TPP is too high.</param>
/// <param name="Largest">The largest TPP at two-decimal precision that stays outside (checked by classifying it).</param>
/// <param name="PerformanceDensity">The performance density at <paramref name="Largest"/>.</param>
/// <param name="BindingRule">The paragraph that applies just above the supremum.</param>
/// <param name="Explanation">The bound in words, with the reason the classifier gives just above it.</param>
public sealed record EnvelopeBound(
    string Scope,
    double? Supremum,
    double? Largest,
    double? PerformanceDensity,
    string BindingRule,
    string Explanation);
