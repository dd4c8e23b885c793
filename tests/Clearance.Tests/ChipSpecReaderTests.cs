using System.Globalization;
using System.Text;
using Clearance.Catalog;
using Clearance.Classify;
using Clearance.Reports;

namespace Clearance.Tests;

public sealed class ChipSpecReaderTests
{
    static readonly DateOnly AsOf = DateOnly.Parse("2024-06-01", CultureInfo.InvariantCulture);

    [Fact]
    public void Errors_name_the_line_a_row_starts_on_after_a_quoted_multi_line_field()
    {
        using var reader = new ChipSpecReader(new StringReader("name,notes,tpp\n\"Chip A\",\"two\nlines\",100\nChip B,,x\n"), "in.csv");
        Assert.True(reader.Read(out var first, out _));
        Assert.Equal("Chip A", first!.Name);
        Assert.True(reader.Read(out _, out var error));
        Assert.Equal("in.csv:4: column 'tpp': 'x' is not a number", error!.ToString());
    }

    [Fact]
    public void A_column_named_twice_is_rejected()
    {
        using var reader = new ChipSpecReader(new StringReader("name,tpp,tpp\nA,1,2\n"), "in.csv");
        Assert.Equal("in.csv:1: column 'tpp': appears twice in the header", reader.HeaderError!.ToString());
    }

    [Fact]
    public void Empty_cells_are_unknown_and_whitespace_is_trimmed()
    {
        using var reader = new ChipSpecReader(new StringReader("name,tpp,datacenter,die_area_mm2\n A ,  , YES ,\n"), "in.csv");
        Assert.True(reader.Read(out var spec, out var error));
        Assert.Null(error);
        Assert.Equal("A", spec!.Name);
        Assert.Null(spec.PublishedTpp);
        Assert.True(spec.Datacenter);
        Assert.Null(spec.DieAreaMm2);
    }

    [Fact]
    public void A_board_row_takes_blank_figures_from_its_chip_and_keeps_its_own()
    {
        var chip = Shipped.Data.Chips["NVIDIA H20 (HGX H20)"];
        var board = new Rules.ItemSpec { Name = "Board", ItemType = Rules.ItemType.Board, Contains = chip.Name, PublishedTpp = 2500 };
        var merged = ChipSpecFile.WithChip(board, chip);
        Assert.Equal(2500, merged.PublishedTpp);
        Assert.Equal(chip.DieAreaMm2, merged.DieAreaMm2);
        Assert.Equal(chip.DenseTopsInt8, merged.DenseTopsInt8);
        Assert.Equal("Board", merged.Name);
    }

    [Fact]
    public void The_report_reaches_a_utf8_stream_writer_unchanged_through_the_spool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clearance-reader-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "name,tpp,die_area_mm2\nÜber chip,5000,800\n");
        var bytes = new MemoryStream();
        using (var output = new StreamWriter(bytes, new UTF8Encoding(false), 1024, leaveOpen: true))
        {
            var outcome = ClassifyJob.Run(path, Shipped.Data, AsOf, null, ReportFormat.Csv, output);
            Assert.Empty(outcome.Errors);
            Assert.Equal(1, outcome.Items);
        }

        var text = Encoding.UTF8.GetString(bytes.ToArray());
        Assert.StartsWith("name,as_of,eccn,tpp,performance_density,rule,reason\nÜber chip,2024-06-01,3A090.a,5000,6.25,3A090.a.1,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Checking_stops_after_the_error_limit()
    {
        var rows = string.Concat(Enumerable.Range(0, 200).Select(i => $"chip {i},bad\n"));
        var path = Path.Combine(Path.GetTempPath(), $"clearance-reader-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "name,tpp\n" + rows);
        var outcome = ClassifyJob.Run(path, Shipped.Data, AsOf, null, ReportFormat.Csv, new StringWriter());
        Assert.Equal(ChipSpecFile.MaxErrors, outcome.Errors.Count);
    }
}
