using System.Collections.Concurrent;
using System.Text;
using Clearance.Catalog;
using Clearance.Reports;
using Clearance.Rules;

namespace Clearance.Classify;

/// <summary>Classifies every row of a chip-specification file and prints the report, or prints nothing when any row is
/// invalid. One streaming pass validates, classifies and writes the report to a temporary spool file; the spool is
/// copied to the output only when the whole file proved valid. Memory stays flat whatever the file's size.</summary>
public static class ClassifyJob
{
    const int BatchSize = 256;

    const int QueuedBatches = 8;

    static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Runs <c>classify</c>: one date, or two with <paramref name="compareTo"/>.</summary>
    public static ClassifyOutcome Run(string path, ClearanceData data, DateOnly asOf, DateOnly? compareTo, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        var rulebook = data.Rulebook;
        long items = 0;
        long Write(IEnumerable<ItemSpec> specs, TextWriter to)
        {
            var counted = specs.Select(spec =>
            {
                items++;
                return spec;
            });
            return compareTo is { } other
                ? ClassificationReport.WriteChanges(counted.Select(s => (Classifier.Classify(s, asOf, rulebook), Classifier.Classify(s, other, rulebook))), format, to)
                : ClassificationReport.Write(counted.Select(s => Classifier.Classify(s, asOf, rulebook)), format, to);
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
            return new ClassifyOutcome([new SpecError(path, 0, null, $"cannot read the file: {e.Message}")], 0);
        }

        var errors = new List<SpecError>();
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
                items = SpoolCsv(reader, row => Process(reader, row), spool, errors, out needsInFileChips);
            }
            else
            {
                using var spoolWriter = new StreamWriter(spool, Utf8, 1 << 16, leaveOpen: true);
                var valid = Validated(Pipelined(reader, (rows, count) => ProcessBatch(rows, count, row => Process(reader, row))).SelectMany(b => b), errors, () => needsInFileChips = true)
                    .Select(r =>
                    {
                        items++;
                        return r;
                    });
                if (compareTo is null)
                {
                    ClassificationReport.Write(valid.Select(r => r.AsOf!), format, spoolWriter);
                }
                else
                {
                    ClassificationReport.WriteChanges(valid.Select(r => (r.AsOf!, r.Other!)), format, spoolWriter);
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
    static long SpoolCsv(ChipSpecReader reader, Func<SpecRow, RowResult> process, Stream spool, List<SpecError> errors, out bool needsInFileChips)
    {
        needsInFileChips = false;
        long items = 0;
        using (var header = new Utf8Buffer(256))
        {
            ClassificationReport.AppendCsvHeader(header);
            header.WriteTo(spool);
        }

        foreach (var batch in Pipelined(reader, (rows, count) => FormatBatch(rows, count, process)))
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
        List<SpecError>? errors = null;
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

    // CsvHelper tokenises on one thread; batches of raw rows go to the thread pool, which converts, validates and
    // classifies them (about two thirds of the work); the caller takes the results in file order. The queue of
    // batches in flight is bounded, so memory stays flat.
    static IEnumerable<T> Pipelined<T>(ChipSpecReader reader, Func<SpecRow[], int, T> process)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<Task<T>>(boundedCapacity: QueuedBatches);
        var token = stop.Token;
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var batch = new SpecRow[BatchSize];
                    var cells = new string?[BatchSize * ChipSpecReader.CellCount];
                    var count = 0;
                    while (!token.IsCancellationRequested && reader.ReadRow(cells, count * ChipSpecReader.CellCount, out var row))
                    {
                        batch[count++] = row;
                        if (count == BatchSize)
                        {
                            queue.Add(Start(batch, count, process), token);
                            batch = new SpecRow[BatchSize];
                            cells = new string?[BatchSize * ChipSpecReader.CellCount];
                            count = 0;
                        }
                    }

                    if (count > 0)
                    {
                        queue.Add(Start(batch, count, process), token);
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // The caller stopped reading (too many errors).
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                yield return batch.GetAwaiter().GetResult();
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            finally
            {
                foreach (var pending in queue.GetConsumingEnumerable())
                {
                    _ = pending.Exception;
                    if (pending.IsCompletedSuccessfully && pending.Result is IDisposable disposable)
                    {
                        disposable.Dispose();
                    }
                }
            }
        }
    }

    static Task<T> Start<T>(SpecRow[] batch, int count, Func<SpecRow[], int, T> process) => Task.Run(() => process(batch, count));

    // Yields valid rows until the first problem; after that it keeps reading, only to report every problem.
    static IEnumerable<RowResult> Validated(IEnumerable<RowResult> results, List<SpecError> errors, Action needsInFileChips)
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
    sealed record CsvBatch(Utf8Buffer Bytes, int Rows, List<SpecError>? Errors, bool NeedsInFileChip) : IDisposable
    {
        public void Dispose() => Bytes.Dispose();
    }

    // One converted row: an error, a board whose chip is not in the catalog, or the classification(s).
    readonly record struct RowResult(SpecError? Error, bool NeedsInFileChip, Classification? AsOf, Classification? Other);

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
