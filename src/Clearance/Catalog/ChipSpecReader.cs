using System.Globalization;
using Clearance.Input;
using Clearance.Rules;

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

    static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    readonly CsvTable _table;
    readonly string _file;
    readonly int[] _index = new int[ColumnNames.Length];

    /// <summary>Strict UTF-8 (a byte-order mark is honoured): invalid bytes are an error, never U+FFFD in a name.</summary>
    public static StreamReader OpenText(string path, int bufferSize = 4096) => CsvTable.OpenText(path, bufferSize);

    /// <summary>Opens a reader over CSV text; <paramref name="file"/> names it in error messages.</summary>
    public ChipSpecReader(TextReader reader, string file)
    {
        _file = file;
        _table = new CsvTable(reader, file);
        Array.Fill(_index, -1);
        HeaderError = ReadHeader();
    }

    /// <summary>The problem with the header row, if any; no rows can be read then.</summary>
    public InputProblem? HeaderError { get; }

    /// <summary>The physical line the last row read starts on.</summary>
    public long Line => _table.Line;

    /// <summary>Reads the next row. Returns false at the end of the file. Otherwise either <paramref name="spec"/>
    /// or <paramref name="error"/> is set; after an error the reader continues with the next row.</summary>
    public bool Read(out ItemSpec? spec, out InputProblem? error)
    {
        spec = null;
        error = null;
        if (!ReadRow(new string?[CellCount], 0, out var row))
        {
            return false;
        }

        spec = Convert(row, out error);
        return true;
    }

    /// <summary>How many cells <see cref="ReadRow"/> stores for each row.</summary>
    public static int CellCount => ColumnNames.Length;

    /// <summary>Tokenises the next row without converting it, storing its <see cref="CellCount"/> cells in
    /// <paramref name="cells"/> from <paramref name="offset"/> on. Returns false at the end of the file.</summary>
    public bool ReadRow(string?[] cells, int offset, out SpecRow row)
    {
        row = default;
        if (HeaderError is not null || !_table.Read(out var problem))
        {
            return false;
        }

        var line = _table.Line;
        if (problem is not null)
        {
            row = new SpecRow(line, null, 0, problem);
            return true;
        }

        ArgumentNullException.ThrowIfNull(cells);
        _table.CopyFields(_index, cells.AsSpan(offset, _index.Length));

        if (_table.BadData is { } bad)
        {
            row = new SpecRow(line, null, 0, InputProblem.AtLine(_file, line, "malformed CSV: " + CsvTable.StrayQuote(bad)));
            return true;
        }

        row = new SpecRow(line, cells, offset, null);
        return true;
    }

    /// <summary>Converts and validates a row read by <see cref="ReadRow"/>; either the item or the first error of the
    /// row. Safe to call from several threads at once.</summary>
    public ItemSpec? Convert(SpecRow row, out InputProblem? error)
    {
        if (row.Error is not null || row.Cells is null)
        {
            error = row.Error;
            return null;
        }

        var parser = new RowParser(_file, row.Line, row.Cells, row.Offset);
        var spec = parser.Parse();
        error = parser.Error;
        return error is null ? spec : null;
    }

    public void Dispose() => _table.Dispose();

    InputProblem? ReadHeader()
    {
        if (!_table.ReadHeader(out var problem))
        {
            return problem ?? InputProblem.AtLine(_file, 1, "empty file: a header row is required");
        }

        // A column named twice: the one whose second appearance comes first in the header, as a reader going left to
        // right meets it.
        var twice = -1;
        var at = int.MaxValue;
        for (var column = 0; column < ColumnNames.Length; column++)
        {
            _index[column] = _table.IndexOf(ColumnNames[column]);
            var second = _table.SecondIndexOf(ColumnNames[column]);
            if (second >= 0 && second < at)
            {
                (twice, at) = (column, second);
            }
        }

        if (twice >= 0)
        {
            return InputProblem.AtLine(_file, 1, "appears twice in the header", ColumnNames[twice]);
        }

        return _index[(int)SpecColumn.Name] < 0
            ? InputProblem.AtLine(_file, 1, "missing from the header (required)", "name")
            : null;
    }

    // The conversion of one row; keeps the row's first error.
    struct RowParser(string file, long line, string?[] cells, int offset)
    {
        public InputProblem? Error { get; private set; }

        public ItemSpec? Parse()
        {
            var name = Cell(SpecColumn.Name);
            if (name is null)
            {
                Fail(SpecColumn.Name, "is empty (required)");
                return null;
            }

            if (name.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            {
                Fail(SpecColumn.Name, "contains a control character (such as NUL or a line break)");
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
            if (Error is null && Metrics.Overflowing(spec) is { } column)
            {
                Fail((SpecColumn)Array.IndexOf(ColumnNames, column), Metrics.OverflowMessage(column));
            }

            return Error is null ? spec : null;
        }

        string? Cell(SpecColumn column)
        {
            var value = cells[offset + (int)column];
            if (value is null)
            {
                return null;
            }

            var trimmed = value.AsSpan().Trim();
            return trimmed.IsEmpty ? null : trimmed.Length == value.Length ? value : trimmed.ToString();
        }

        ReadOnlySpan<char> Span(SpecColumn column) => cells[offset + (int)column].AsSpan().Trim();

        double? Number(SpecColumn column, bool positive = false)
        {
            var text = Span(column);
            if (text.IsEmpty)
            {
                return null;
            }

            if (!TryParseNumber(text, out var value))
            {
                Fail(column, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && double.IsInfinity(huge)
                    ? $"'{CsvTable.Excerpt(text.ToString())}' is too large to be a figure"
                    : $"'{CsvTable.Excerpt(text.ToString())}' is not a number");
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

        // Plain decimals ("13900", "5.92") take Clinger's fast path: with at most 15 digits the digits form an exact
        // double and so does 10^fraction (fraction <= 15 < 23), so the one division is correctly rounded and the
        // result is the double double.Parse returns. Anything else (signs, exponents, long figures) goes to
        // double.TryParse.
        static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
        {
            long digits = 0;
            var count = 0;
            var fraction = -1;
            foreach (var c in text)
            {
                if (c is >= '0' and <= '9')
                {
                    digits = (digits * 10) + (c - '0');
                    count++;
                    if (fraction >= 0)
                    {
                        fraction++;
                    }
                }
                else if (c == '.' && fraction < 0)
                {
                    fraction = 0;
                }
                else
                {
                    count = 16;
                    break;
                }
            }

            if (count is > 0 and <= 15)
            {
                value = fraction > 0 ? digits / PowersOfTen[fraction] : digits;
                return true;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }

        int? Integer(SpecColumn column, bool positive = false)
        {
            var text = Span(column);
            if (text.IsEmpty)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                var whole = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Floor(number) == number;
                Fail(column, whole && number > int.MaxValue ? $"'{CsvTable.Excerpt(text.ToString())}' is too large (at most {int.MaxValue.ToString(CultureInfo.InvariantCulture)})"
                    : $"'{CsvTable.Excerpt(text.ToString())}' is not a whole number");
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
            var text = Span(column);
            if (text.IsEmpty)
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
            var text = Span(SpecColumn.ItemType);
            if (text.IsEmpty || text.Equals("ic", StringComparison.OrdinalIgnoreCase))
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
            Error ??= InputProblem.AtLine(file, line, message, ColumnNames[(int)column]);
    }
}
