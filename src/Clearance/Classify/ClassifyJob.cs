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
            text = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
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

            using var spool = new FileStream(
                Path.Combine(Path.GetTempPath(), $"clearance-{Guid.NewGuid():N}.spool"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            using (var spoolWriter = new StreamWriter(spool, Utf8, 1 << 16, leaveOpen: true))
            {
                var valid = Validated(Pipelined(reader, row => Process(reader, row)), errors, () => needsInFileChips = true)
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

    // CsvHelper tokenises on one thread; batches of raw rows go to the thread pool, which converts, validates and
    // classifies them (about two thirds of the work); the caller takes the results in file order and formats them.
    // The queue of batches in flight is bounded, so memory stays flat.
    static IEnumerable<RowResult> Pipelined(ChipSpecReader reader, Func<SpecRow, RowResult> process)
    {
        using var stop = new CancellationTokenSource();
        using var queue = new BlockingCollection<Task<RowResult[]>>(boundedCapacity: QueuedBatches);
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
                foreach (var result in batch.GetAwaiter().GetResult())
                {
                    yield return result;
                }
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
                }
            }
        }
    }

    static Task<RowResult[]> Start(SpecRow[] batch, int count, Func<SpecRow, RowResult> process) => Task.Run(() =>
    {
        var results = new RowResult[count];
        for (var i = 0; i < count; i++)
        {
            results[i] = process(batch[i]);
        }

        return results;
    });

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

    // One converted row: an error, a board whose chip is not in the catalog, or the classification(s).
    readonly record struct RowResult(SpecError? Error, bool NeedsInFileChip, Classification? AsOf, Classification? Other);

    static void Copy(FileStream spool, TextWriter output)
    {
        spool.Position = 0;
        if (output is StreamWriter { Encoding.CodePage: 65001 } utf8Output)
        {
            utf8Output.Flush();
            spool.CopyTo(utf8Output.BaseStream);
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
