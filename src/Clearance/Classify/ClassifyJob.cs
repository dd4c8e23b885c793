using System.Text;
using Clearance.Catalog;
using Clearance.Input;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Classify;

/// <summary>Classifies every row of a chip-specification file and prints the report, or prints nothing when any row is
/// invalid. One streaming pass validates, classifies and writes the report to a temporary spool file; the spool is
/// copied to the output only when the whole file proved valid. Memory stays flat whatever the file's size.</summary>
public static class ClassifyJob
{
    const int BatchSize = 256;

    static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Runs <c>classify</c>: one date, or two with <paramref name="compareTo"/>; the table format is drawn by
    /// <paramref name="tables"/>.</summary>
    public static ClassifyOutcome Run(string path, ClearanceData data, DateOnly asOf, DateOnly? compareTo, ReportFormat format, TextWriter output,
        ClassificationTables? tables = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var rulebook = data.Regulation;
        long items = 0;
        long Write(IEnumerable<ItemSpec> specs, TextWriter to)
        {
            var counted = specs.Select(spec =>
            {
                items++;
                return spec;
            });
            return compareTo is { } other
                ? ClassificationReport.WriteChanges(counted.Select(s => (Classifier.Classify(s, asOf, rulebook), Classifier.Classify(s, other, rulebook))), format, to, tables)
                : ClassificationReport.Write(counted.Select(s => Classifier.Classify(s, asOf, rulebook)), format, to, tables);
        }

        RowResult Process(ChipSpecReader reader, SpecRow row)
        {
            var spec = reader.Convert(row, out var error);
            if (spec is null)
            {
                return new RowResult(error, false, null, null);
            }

            if (spec.Contains is { } chip)
            {
                if (!data.Chips.TryGetValue(chip, out var fromCatalog))
                {
                    return new RowResult(null, true, null, null);
                }

                spec = ChipSpecFile.WithChip(spec, fromCatalog);
            }

            return new RowResult(
                null,
                false,
                Classifier.Classify(spec, asOf, rulebook),
                compareTo is { } other ? Classifier.Classify(spec, other, rulebook) : null);
        }

        TextReader text;
        try
        {
            text = ChipSpecReader.OpenText(path, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ClassifyOutcome([InputProblem.InFile(path, $"cannot read the file: {e.Message}")], 0);
        }

        var errors = new List<InputProblem>();
        var needsInFileChips = false;
        using (var reader = new ChipSpecReader(text, path))
        {
            if (reader.HeaderError is { } header)
            {
                return new ClassifyOutcome([header], 0);
            }

            // The spool is written in large blocks by this code (CSV) or a 64 KB StreamWriter, so it needs no buffer.
            using var spool = new FileStream(
                Path.Combine(Path.GetTempPath(), $"clearance-{Guid.NewGuid():N}.spool"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 0, FileOptions.DeleteOnClose);
            if (format == ReportFormat.Csv && compareTo is null)
            {
                items = SpoolCsv(reader, row => Process(reader, row), spool, errors, out needsInFileChips, ct);
            }
            else
            {
                using var spoolWriter = new StreamWriter(spool, Utf8, 1 << 16, leaveOpen: true);
                var valid = Validated(Pipelined(reader, (rows, count) => ProcessBatch(rows, count, row => Process(reader, row)), ct).SelectMany(b => b), errors, () => needsInFileChips = true)
                    .Select(r =>
                    {
                        items++;
                        return r;
                    });
                if (compareTo is null)
                {
                    ClassificationReport.Write(valid.Select(r => r.AsOf!), format, spoolWriter, tables);
                }
                else
                {
                    ClassificationReport.WriteChanges(valid.Select(r => (r.AsOf!, r.Other!)), format, spoolWriter, tables);
                }
            }

            if (errors.Count > 0)
            {
                return new ClassifyOutcome(errors, 0);
            }

            if (!needsInFileChips)
            {
                Copy(spool, output);
                return new ClassifyOutcome(errors, items);
            }
        }

        // A board names a chip that is not in the catalog, so it may be one of this file's own rows: check the whole
        // file first to find it, then classify in a second pass.
        items = 0;
        var check = ChipSpecFile.Check(path, data.Chips);
        if (check.Errors.Count > 0)
        {
            return new ClassifyOutcome(check.Errors, 0);
        }

        Write(ChipSpecFile.Read(path, check.ContainedChips), output);
        return new ClassifyOutcome(errors, items);
    }

    // The CSV report, the one a million-row file is classified into: each batch is converted, classified and formatted
    // to UTF-8 on the thread pool, and this thread only copies the batches' bytes to the spool in file order. Rows
    // after the first problem are still read, only to report every problem; the spool is then discarded.
    static long SpoolCsv(ChipSpecReader reader, Func<SpecRow, RowResult> process, Stream spool, List<InputProblem> errors, out bool needsInFileChips,
        CancellationToken ct)
    {
        needsInFileChips = false;
        long items = 0;
        using (var header = new Utf8Buffer(256))
        {
            ClassificationReport.AppendCsvHeader(header);
            header.WriteTo(spool);
        }

        foreach (var batch in Pipelined(reader, (rows, count) => FormatBatch(rows, count, process), ct))
        {
            using var bytes = batch.Bytes;
            var clean = errors.Count == 0 && !needsInFileChips;
            foreach (var error in batch.Errors ?? [])
            {
                errors.Add(error);
                if (errors.Count >= ChipSpecFile.MaxErrors)
                {
                    return items;
                }
            }

            needsInFileChips |= batch.NeedsInFileChip;
            if (clean && batch.Errors is null && !batch.NeedsInFileChip)
            {
                bytes.WriteTo(spool);
                items += batch.Rows;
            }
        }

        return items;
    }

    static CsvBatch FormatBatch(SpecRow[] rows, int count, Func<SpecRow, RowResult> process)
    {
        var bytes = new Utf8Buffer(count * 256);
        List<InputProblem>? errors = null;
        var needsInFileChip = false;
        for (var i = 0; i < count; i++)
        {
            var result = process(rows[i]);
            if (result.Error is { } error)
            {
                (errors ??= []).Add(error);
            }
            else if (result.NeedsInFileChip)
            {
                needsInFileChip = true;
            }
            else if (errors is null && !needsInFileChip)
            {
                ClassificationReport.AppendCsv(result.AsOf!, bytes);
            }
        }

        return new CsvBatch(bytes, count, errors, needsInFileChip);
    }

    static RowResult[] ProcessBatch(SpecRow[] rows, int count, Func<SpecRow, RowResult> process)
    {
        var results = new RowResult[count];
        for (var i = 0; i < count; i++)
        {
            results[i] = process(rows[i]);
        }

        return results;
    }

    // CsvHelper tokenises one batch of raw rows at a time, on whichever worker takes the next batch (about a third of the
    // work); the workers convert, validate and classify their batches (the rest) and the caller takes the results in
    // file order. Only the batches in flight are in memory, so memory stays flat.
    static IEnumerable<T> Pipelined<T>(ChipSpecReader reader, Func<SpecRow[], int, T> process, CancellationToken ct) =>
        OrderedParallel.Select(Batches(reader), batch => process(batch.Rows, batch.Count), ct);

    static IEnumerable<(SpecRow[] Rows, int Count)> Batches(ChipSpecReader reader)
    {
        while (true)
        {
            var rows = new SpecRow[BatchSize];
            var cells = new string?[BatchSize * ChipSpecReader.CellCount];
            var count = 0;
            while (count < BatchSize && reader.ReadRow(cells, count * ChipSpecReader.CellCount, out var row))
            {
                rows[count++] = row;
            }

            if (count > 0)
            {
                yield return (rows, count);
            }

            if (count < BatchSize)
            {
                yield break;
            }
        }
    }

    // Yields valid rows until the first problem; after that it keeps reading, only to report every problem.
    static IEnumerable<RowResult> Validated(IEnumerable<RowResult> results, List<InputProblem> errors, Action needsInFileChips)
    {
        var stop = false;
        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                errors.Add(error);
                stop = true;
                if (errors.Count >= ChipSpecFile.MaxErrors)
                {
                    yield break;
                }

                continue;
            }

            if (stop)
            {
                continue;
            }

            if (result.NeedsInFileChip)
            {
                needsInFileChips();
                stop = true;
                continue;
            }

            yield return result;
        }
    }

    // One batch of the CSV report: the rows formatted up to the batch's first problem, and its problems.
    sealed record CsvBatch(Utf8Buffer Bytes, int Rows, List<InputProblem>? Errors, bool NeedsInFileChip) : IDisposable
    {
        public void Dispose() => Bytes.Dispose();
    }

    // One converted row: an error, a board whose chip is not in the catalog, or the classification(s).
    readonly record struct RowResult(InputProblem? Error, bool NeedsInFileChip, Classification? AsOf, Classification? Other);

    static void Copy(FileStream spool, TextWriter output)
    {
        spool.Position = 0;
        if (output is StreamWriter { Encoding.CodePage: 65001 } utf8Output)
        {
            utf8Output.Flush();
            spool.CopyTo(utf8Output.BaseStream, 1 << 20);
            return;
        }

        using var reader = new StreamReader(spool, Utf8, false, 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 15];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }
    }
}
