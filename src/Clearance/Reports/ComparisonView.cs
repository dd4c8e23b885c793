namespace Clearance.Reports;

/// <summary>One item whose ECCN differs between the two dates of <c>classify --compare-to</c>.</summary>
public sealed record ComparisonView(string Name, ClassificationView AsOf, ClassificationView CompareTo);
