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
    const int BatchSize = 4096;

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
                Write(Pipelined(Validated(reader, data, errors, () => needsInFileChips = true)), spoolWriter);
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

    // Parsing (CsvHelper and number conversion) runs on its own thread, a bounded queue of batches ahead of
    // classification and formatting: the two halves cost about the same, so a two-core machine runs them side by side.
    static IEnumerable<ItemSpec> Pipelined(IEnumerable<ItemSpec> source)
    {
        using var queue = new BlockingCollection<ItemSpec[]>(boundedCapacity: 8);
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<ItemSpec>(BatchSize);
                foreach (var spec in source)
                {
                    batch.Add(spec);
                    if (batch.Count == BatchSize)
                    {
                        queue.Add([.. batch]);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    queue.Add([.. batch]);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        foreach (var batch in queue.GetConsumingEnumerable())
        {
            foreach (var spec in batch)
            {
                yield return spec;
            }
        }

        producer.GetAwaiter().GetResult();
    }

    // Yields valid rows until the first problem; after that it keeps reading, only to report every problem.
    static IEnumerable<ItemSpec> Validated(ChipSpecReader reader, ClearanceData data, List<SpecError> errors, Action needsInFileChips)
    {
        var stop = false;
        while (reader.Read(out var spec, out var error))
        {
            if (error is not null)
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

            if (spec!.Contains is { } chip)
            {
                if (!data.Chips.TryGetValue(chip, out var fromCatalog))
                {
                    needsInFileChips();
                    stop = true;
                    continue;
                }

                spec = ChipSpecFile.WithChip(spec, fromCatalog);
            }

            yield return spec;
        }
    }

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
