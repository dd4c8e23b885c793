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
    public void Rows_read_into_one_shared_array_convert_out_of_order_with_their_own_lines()
    {
        using var reader = new ChipSpecReader(new StringReader("tpp,name\n 100 ,A\nx,B\n"), "in.csv");
        var cells = new string?[2 * ChipSpecReader.CellCount];
        Assert.True(reader.ReadRow(cells, 0, out var first));
        Assert.True(reader.ReadRow(cells, ChipSpecReader.CellCount, out var second));
        Assert.False(reader.ReadRow(cells, 0, out _));
        Assert.Null(reader.Convert(second, out var error));
        Assert.Equal("in.csv:3: column 'tpp': 'x' is not a number", error!.ToString());
        var spec = reader.Convert(first, out var none);
        Assert.Null(none);
        Assert.Equal("A", spec!.Name);
        Assert.Equal(100, spec.PublishedTpp);
    }

    [Fact]
    public void Figures_read_as_the_same_doubles_as_double_Parse_gives()
    {
        var random = new Random(7);
        var texts = new List<string> { "0", "0.0", "1.", ".5", "007.250", "5.92", "0.1", "123456789012345", "1234567890123456", "99999999999999.9", "1e3", "2.5E-2", "0.000000000000001", "4800.000000000001" };
        for (var i = 0; i < 2000; i++)
        {
            var whole = random.NextInt64(0, 10_000_000).ToString(CultureInfo.InvariantCulture);
            var fraction = random.NextInt64(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture)[..random.Next(1, 8)];
            texts.Add(i % 3 == 0 ? whole : $"{whole}.{fraction}");
        }

        var csv = new StringBuilder("name,tpp\n");
        foreach (var text in texts)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A,{text}\n");
        }

        using var reader = new ChipSpecReader(new StringReader(csv.ToString()), "in.csv");
        foreach (var text in texts)
        {
            Assert.True(reader.Read(out var spec, out var error));
            Assert.Null(error);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(spec!.PublishedTpp!.Value));
        }
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
        using var cleanup = new DeleteOnDispose(path);
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
        using var cleanup = new DeleteOnDispose(path);
        var outcome = ClassifyJob.Run(path, Shipped.Data, AsOf, null, ReportFormat.Csv, new StringWriter());
        Assert.Equal(ChipSpecFile.MaxErrors, outcome.Errors.Count);
    }
}
