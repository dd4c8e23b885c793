using Clearance.Input;
using Clearance.Rules;

namespace Clearance.Catalog;

/// <summary>Reads a chip-specification file in two streaming passes: <see cref="Check"/> validates every row and finds
/// the chips boards name, <see cref="Read"/> then yields the items. Memory stays flat whatever the file's size.
/// <c>classify</c> uses this when a board names a chip of the same file; otherwise it validates and classifies in one
/// pass (see <c>ClassifyJob</c>).</summary>
public static class ChipSpecFile
{
    /// <summary>Checking stops after this many errors.</summary>
    public const int MaxErrors = 50;

    /// <summary>Validates every row and resolves the chips that boards and computers name in <c>contains</c>, first
    /// among the file's own chips, then in <paramref name="catalog"/>.</summary>
    public static SpecCheck Check(string path, IReadOnlyDictionary<string, ItemSpec> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<InputProblem>();
        var referenced = new Dictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        if (!TryOpen(path, errors, out var text))
        {
            return new SpecCheck(errors, 0, catalog);
        }

        using (var reader = new ChipSpecReader(text, path))
        {
            if (reader.HeaderError is { } header)
            {
                return new SpecCheck([header], 0, catalog);
            }

            while (reader.Read(out var spec, out var error))
            {
                rows++;
                if (error is not null)
                {
                    errors.Add(error);
                    if (errors.Count >= MaxErrors)
                    {
                        break;
                    }
                }
                else if (spec!.Contains is { } chip)
                {
                    referenced.TryAdd(chip, reader.Line);
                }
            }
        }

        if (errors.Count > 0 || referenced.Count == 0)
        {
            return new SpecCheck(errors, rows, catalog);
        }

        var chips = new Dictionary<string, ItemSpec>(StringComparer.Ordinal);
        foreach (var spec in Rows(path))
        {
            if (spec.ItemType == ItemType.Ic && referenced.ContainsKey(spec.Name))
            {
                chips.TryAdd(spec.Name, spec);
            }
        }

        foreach (var (name, line) in referenced)
        {
            if (chips.ContainsKey(name))
            {
                continue;
            }

            if (catalog.TryGetValue(name, out var fromCatalog))
            {
                chips.Add(name, fromCatalog);
            }
            else
            {
                errors.Add(InputProblem.AtLine(path, line, $"'{name}' is not a chip in this file or in the catalog", "contains"));
            }
        }

        return new SpecCheck(errors, rows, chips);
    }

    /// <summary>Yields the items of a file that <see cref="Check"/> passed, boards and computers completed from the
    /// chips they contain.</summary>
    /// <exception cref="InvalidDataException">The file changed since it was checked.</exception>
    public static IEnumerable<ItemSpec> Read(string path, IReadOnlyDictionary<string, ItemSpec> containedChips)
    {
        ArgumentNullException.ThrowIfNull(containedChips);
        foreach (var spec in Rows(path))
        {
            if (spec.Contains is not { } name)
            {
                yield return spec;
                continue;
            }

            if (!containedChips.TryGetValue(name, out var chip))
            {
                throw new InvalidDataException($"{path}: '{name}' was not resolved; the file changed after it was checked");
            }

            yield return WithChip(spec, chip);
        }
    }

    /// <summary>Reads a whole (small) file, such as the shipped catalog, failing on the first error.</summary>
    /// <exception cref="InvalidDataException">The file has an error.</exception>
    public static IReadOnlyList<ItemSpec> ReadAll(TextReader text, string file)
    {
        using var reader = new ChipSpecReader(text, file);
        if (reader.HeaderError is { } header)
        {
            throw new InvalidDataException(header.ToString());
        }

        var specs = new List<ItemSpec>();
        while (reader.Read(out var spec, out var error))
        {
            specs.Add(spec ?? throw new InvalidDataException(error!.ToString()));
        }

        return specs;
    }

    /// <summary>A board or computer with the blank figures taken from the chip it contains: the figures on a board row
    /// describe that chip, and 4A090 / 4A994.l turn on whether any contained chip meets 3A090 / 3A991.p.</summary>
    public static ItemSpec WithChip(ItemSpec board, ItemSpec chip)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(chip);
        return board with
        {
            Datacenter = board.Datacenter ?? chip.Datacenter,
            DieAreaMm2 = board.DieAreaMm2 ?? chip.DieAreaMm2,
            DenseTopsInt4 = board.DenseTopsInt4 ?? chip.DenseTopsInt4,
            DenseTopsInt8 = board.DenseTopsInt8 ?? chip.DenseTopsInt8,
            DenseTflopsFp4 = board.DenseTflopsFp4 ?? chip.DenseTflopsFp4,
            DenseTflopsFp8 = board.DenseTflopsFp8 ?? chip.DenseTflopsFp8,
            DenseTflopsFp16 = board.DenseTflopsFp16 ?? chip.DenseTflopsFp16,
            DenseTflopsFp32 = board.DenseTflopsFp32 ?? chip.DenseTflopsFp32,
            DenseTflopsFp64 = board.DenseTflopsFp64 ?? chip.DenseTflopsFp64,
            PublishedTpp = board.PublishedTpp ?? chip.PublishedTpp,
            MemoryBandwidthGbs = board.MemoryBandwidthGbs ?? chip.MemoryBandwidthGbs,
            MemoryGb = board.MemoryGb ?? chip.MemoryGb,
            InterconnectGbs = board.InterconnectGbs ?? chip.InterconnectGbs,
            HbmBandwidthDensity = board.HbmBandwidthDensity ?? chip.HbmBandwidthDensity,
        };
    }

    static IEnumerable<ItemSpec> Rows(string path)
    {
        using var reader = new ChipSpecReader(ChipSpecReader.OpenText(path), path);
        if (reader.HeaderError is { } header)
        {
            throw new InvalidDataException(header.ToString());
        }

        while (reader.Read(out var spec, out var error))
        {
            yield return spec ?? throw new InvalidDataException($"{error}; the file changed after it was checked");
        }
    }

    static bool TryOpen(string path, List<InputProblem> errors, out TextReader text)
    {
        try
        {
            text = ChipSpecReader.OpenText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add(InputProblem.InFile(path, $"cannot read the file: {e.Message}"));
            text = TextReader.Null;
            return false;
        }
    }
}
