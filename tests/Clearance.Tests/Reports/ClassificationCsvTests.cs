using System.Globalization;
using System.Text;
using Clearance.Catalog;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Tests.Reports;

public sealed class ClassificationCsvTests
{
    [Fact]
    public void Rows_formatted_to_UTF8_on_a_worker_match_the_text_report_byte_for_byte()
    {
        using var catalog = new StreamReader(Shipped.CatalogPath);
        var specs = ChipSpecFile.ReadAll(catalog, Shipped.CatalogPath);
        var classifications = new List<Classification>();
        foreach (var date in new[] { "2022-10-06", "2022-10-07", "2023-11-17", "2024-12-02", "2026-03-01" })
        {
            var asOf = DateOnly.Parse(date, CultureInfo.InvariantCulture);
            classifications.AddRange(specs.Select(spec => Classifier.Classify(spec, asOf, Shipped.Data.Regulation)));
        }

        var odd = classifications[0];
        foreach (var tpp in new double?[] { null, 0, -0.0, 0.5, 0.0001, 0.00004, 0.00005, 4800, 4799.99995, 1234.5678, 1234.56785, 9999999999.9999, 99_999_999_999_999, 1e14, 1e15, 123456789012345, 1e20, 5.92 })
        {
            classifications.Add(odd with { Name = "Chip \"X\", rev. 2 — 東京", Tpp = tpp, PerformanceDensity = tpp / 3, AsOf = new DateOnly(812, 3, 4) });
        }

        using var text = new StringWriter();
        ClassificationReport.Write(classifications, ReportFormat.Csv, text);
        using var bytes = new Utf8Buffer(16);
        ClassificationReport.AppendCsvHeader(bytes);
        foreach (var c in classifications)
        {
            ClassificationReport.AppendCsv(c, bytes);
        }

        Assert.Equal(text.ToString(), Encoding.UTF8.GetString(bytes.Written));
    }
}
