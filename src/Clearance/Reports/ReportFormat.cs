namespace Clearance.Reports;

/// <summary>How <c>classify</c> prints its results.</summary>
public enum ReportFormat
{
    Table,
    Csv,
    Json,
}
