using System.Globalization;
using Clearance.Rules;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clearance.Catalog;

/// <summary>Streams item specifications from a chip-specification CSV: header row required, columns in any order,
/// unknown columns ignored, an empty cell means unknown.</summary>
public sealed class ChipSpecReader : IDisposable
{
    static readonly string[] ColumnNames =
    [
        "name", "vendor", "year", "datacenter", "item_type", "die_area_mm2", "dense_tops_int4", "dense_tops_int8",
        "dense_tflops_fp4", "dense_tflops_fp8", "dense_tflops_fp16", "dense_tflops_fp32", "dense_tflops_fp64", "tpp",
        "memory_bandwidth_gbs", "memory_gb", "interconnect_gbs", "hbm_bandwidth_density", "source", "contains",
        "chip_count",
    ];

    readonly CsvParser _parser;
    readonly string _file;
    readonly int[] _index = new int[ColumnNames.Length];
    SpecError? _error;

    /// <summary>Opens a reader over CSV text; <paramref name="file"/> names it in error messages.</summary>
    public ChipSpecReader(TextReader reader, string file)
    {
        _file = file;
        _parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
        });
        Array.Fill(_index, -1);
        HeaderError = ReadHeader();
    }

    /// <summary>The problem with the header row, if any; no rows can be read then.</summary>
    public SpecError? HeaderError { get; }

    /// <summary>The physical line the last row read starts on.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Reads the next row. Returns false at the end of the file. Otherwise either <paramref name="spec"/>
    /// or <paramref name="error"/> is set; after an error the reader continues with the next row.</summary>
    public bool Read(out ItemSpec? spec, out SpecError? error)
    {
        spec = null;
        error = null;
        if (HeaderError is not null)
        {
            return false;
        }

        var previousEnd = _parser.RawRow;
        try
        {
            if (!_parser.Read())
            {
                return false;
            }
        }
        catch (CsvHelperException e)
        {
            Line = previousEnd + 1;
            error = new SpecError(_file, Line, null, $"malformed CSV: {FirstLine(e.Message)}");
            return true;
        }

        Line = previousEnd + 1;
        _error = null;
        spec = Parse();
        error = _error;
        if (error is not null)
        {
            spec = null;
        }

        return true;
    }

    public void Dispose() => _parser.Dispose();

    SpecError? ReadHeader()
    {
        try
        {
            if (!_parser.Read())
            {
                return new SpecError(_file, 1, null, "empty file: a header row is required");
            }
        }
        catch (CsvHelperException e)
        {
            return new SpecError(_file, 1, null, $"malformed CSV: {FirstLine(e.Message)}");
        }

        var header = _parser.Record ?? [];
        for (var i = 0; i < header.Length; i++)
        {
            var column = Array.IndexOf(ColumnNames, header[i].Trim());
            if (column < 0)
            {
                continue;
            }

            if (_index[column] >= 0)
            {
                return new SpecError(_file, 1, ColumnNames[column], "appears twice in the header");
            }

            _index[column] = i;
        }

        return _index[(int)SpecColumn.Name] < 0
            ? new SpecError(_file, 1, "name", "missing from the header (required)")
            : null;
    }

    ItemSpec? Parse()
    {
        var name = Cell(SpecColumn.Name);
        if (name is null)
        {
            Fail(SpecColumn.Name, "is empty (required)");
            return null;
        }

        var itemType = ParseItemType();
        var contains = Cell(SpecColumn.Contains);
        if (contains is not null && itemType == ItemType.Ic)
        {
            Fail(SpecColumn.Contains, "only a board or computer contains chips (set item_type)");
        }

        var spec = new ItemSpec
        {
            Name = name,
            Vendor = Cell(SpecColumn.Vendor),
            Year = Integer(SpecColumn.Year),
            Datacenter = YesNo(SpecColumn.Datacenter),
            ItemType = itemType,
            DieAreaMm2 = Number(SpecColumn.DieArea, positive: true),
            DenseTopsInt4 = Number(SpecColumn.Int4),
            DenseTopsInt8 = Number(SpecColumn.Int8),
            DenseTflopsFp4 = Number(SpecColumn.Fp4),
            DenseTflopsFp8 = Number(SpecColumn.Fp8),
            DenseTflopsFp16 = Number(SpecColumn.Fp16),
            DenseTflopsFp32 = Number(SpecColumn.Fp32),
            DenseTflopsFp64 = Number(SpecColumn.Fp64),
            PublishedTpp = Number(SpecColumn.Tpp),
            MemoryBandwidthGbs = Number(SpecColumn.MemoryBandwidth),
            MemoryGb = Number(SpecColumn.MemoryGb),
            InterconnectGbs = Number(SpecColumn.Interconnect),
            HbmBandwidthDensity = Number(SpecColumn.HbmDensity),
            Source = Cell(SpecColumn.Source),
            Contains = contains,
            ChipCount = Integer(SpecColumn.ChipCount, positive: true),
        };
        return _error is null ? spec : null;
    }

    string? Cell(SpecColumn column)
    {
        var i = _index[(int)column];
        if (i < 0 || i >= _parser.Count)
        {
            return null;
        }

        var value = _parser[i];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    double? Number(SpecColumn column, bool positive = false)
    {
        if (Cell(column) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(column, $"'{text}' is not a number");
            return null;
        }

        if (value < 0)
        {
            Fail(column, $"'{text}' is negative");
            return null;
        }

        if (positive && value == 0)
        {
            Fail(column, $"'{text}' must be greater than zero");
            return null;
        }

        return value;
    }

    int? Integer(SpecColumn column, bool positive = false)
    {
        if (Cell(column) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Fail(column, $"'{text}' is not a whole number");
            return null;
        }

        if (value < 0 || (positive && value == 0))
        {
            Fail(column, positive ? $"'{text}' must be greater than zero" : $"'{text}' is negative");
            return null;
        }

        return value;
    }

    bool? YesNo(SpecColumn column)
    {
        if (Cell(column) is not { } text)
        {
            return null;
        }

        if (text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Fail(column, $"'{text}' is not yes or no");
        return null;
    }

    ItemType ParseItemType()
    {
        if (Cell(SpecColumn.ItemType) is not { } text || text.Equals("ic", StringComparison.OrdinalIgnoreCase))
        {
            return ItemType.Ic;
        }

        if (text.Equals("board", StringComparison.OrdinalIgnoreCase))
        {
            return ItemType.Board;
        }

        if (text.Equals("computer", StringComparison.OrdinalIgnoreCase))
        {
            return ItemType.Computer;
        }

        Fail(SpecColumn.ItemType, $"'{text}' is not an item type (ic, board or computer)");
        return ItemType.Ic;
    }

    void Fail(SpecColumn column, string message) =>
        _error ??= new SpecError(_file, Line, ColumnNames[(int)column], message);

    static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd();
    }
}
