using System.Globalization;
using System.Reflection;
using Clearance.Peers.Lists;
using Clearance.Peers.Queries;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Clearance.Peers.Systems;

/// <summary>
/// Lucene.Net: every list name a document in an in-memory index, analyzed by StandardTokenizer, lower-casing and ASCII
/// folding; a query is a BooleanQuery of one FuzzyQuery per token (Elasticsearch's AUTO edit distance: 0 for 1–2
/// characters, 1 for 3–5, 2 beyond), ranked by BM25. The top candidates are then scored in [0, 1] by the share of
/// query and entry tokens that match within the same edit distance (a Dice coefficient over fuzzy token matches),
/// which is the score the threshold applies to: BM25 scores are not comparable across queries.
/// </summary>
public sealed class LucenePeer : IPeer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string NameField = "name";
    private const string RowField = "row";
    private const int Retrieve = 20;

    private readonly Analyzer _analyzer = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private RAMDirectory? _directory;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private int[] _rows = [];
    private IReadOnlyList<ListName> _names = [];
    private string[][] _tokens = [];

    public string Name => "Lucene.Net fuzzy";

    public string Description { get; private set; } = "Lucene.Net";

    public IReadOnlyList<double> ThresholdGrid { get; } =
        [0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00];

    public Task BuildAsync(IReadOnlyList<ListName> names, CancellationToken cancellationToken)
    {
        _names = names;
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        var tokens = new string[names.Count][];
        using (var writer = new IndexWriter(_directory, config))
        {
            var nameField = new TextField(NameField, string.Empty, Field.Store.NO);
            var rowField = new NumericDocValuesField(RowField, 0);
            var document = new Document { nameField, rowField };
            for (var i = 0; i < names.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nameField.SetStringValue(names[i].Name);
                rowField.SetInt64Value(i);
                writer.AddDocument(document);
                tokens[i] = Analyze(names[i].Name);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        _tokens = tokens;
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var rows = MultiDocValues.GetNumericValues(_reader, RowField);
        _rows = [.. Enumerable.Range(0, _reader.MaxDoc).Select(doc => (int)rows.Get(doc))];
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"Lucene.Net {typeof(IndexSearcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}, RAMDirectory {_directory.GetSizeInBytes() / 1048576.0:F1} MB, StandardTokenizer + LowerCase + ASCIIFolding, FuzzyQuery per token (AUTO edits, max 2, transpositions, max 50 expansions) as BooleanQuery SHOULD, BM25, top {Retrieve} rescored");
        return Task.CompletedTask;
    }

    public async Task<ScreenRun> ScreenAsync(
        IReadOnlyList<string> queries, int top, double threshold, int workers, double[]? latencyMs, CancellationToken cancellationToken)
    {
        var results = new IReadOnlyList<Candidate>[queries.Count];
        var elapsed = await Workers.RunAsync(
            queries.Count,
            workers,
            _ => Task.FromResult(new NoState()),
            (_, index, _) =>
            {
                results[index] = Search(queries[index], top, threshold);
                return Task.CompletedTask;
            },
            latencyMs,
            cancellationToken);
        return new ScreenRun(results, elapsed);
    }

    public Task<double[]> ScorePairsAsync(IReadOnlyList<NamePair> pairs, CancellationToken cancellationToken) =>
        Task.FromResult(pairs.Select(p => Dice(Analyze(p.Name1), Analyze(p.Name2))).ToArray());

    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        _directory?.Dispose();
        _analyzer.Dispose();
        return ValueTask.CompletedTask;
    }

    private IReadOnlyList<Candidate> Search(string query, int top, double threshold)
    {
        var tokens = Analyze(query);
        if (tokens.Length == 0)
        {
            return [];
        }

        var query1 = new BooleanQuery();
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            var edits = AutoEdits(token);
            Query clause = edits == 0
                ? new TermQuery(new Term(NameField, token))
                : new FuzzyQuery(new Term(NameField, token), edits, prefixLength: 0, maxExpansions: 50, transpositions: true);
            query1.Add(clause, Occur.SHOULD);
        }

        var hits = _searcher!.Search(query1, Retrieve).ScoreDocs;
        var candidates = new List<(Candidate Candidate, float Relevance)>(hits.Length);
        foreach (var hit in hits)
        {
            var row = _rows[hit.Doc];
            var score = Dice(tokens, _tokens[row]);
            var name = _names[row];
            candidates.Add((new Candidate(name.EntryId, name.EntryName, name.Name, score, score >= threshold), hit.Score));
        }

        return [.. candidates
            .OrderByDescending(c => c.Candidate.Score)
            .ThenByDescending(c => c.Relevance)
            .Take(top)
            .Select(c => c.Candidate)];
    }

    private static int AutoEdits(string token) => token.Length switch
    {
        <= 2 => 0,
        <= 5 => 1,
        _ => 2,
    };

    private static double Dice(string[] query, string[] entry)
    {
        if (query.Length + entry.Length == 0)
        {
            return 0;
        }

        var matchedQuery = query.Count(q => entry.Any(e => Within(q, e)));
        var matchedEntry = entry.Count(e => query.Any(q => Within(q, e)));
        return (double)(matchedQuery + matchedEntry) / (query.Length + entry.Length);
    }

    /// <summary>
    /// Whether <paramref name="entry"/> is within the query token's AUTO edit distance, counting an adjacent
    /// transposition as one edit: the same acceptance as FuzzyQuery's Levenshtein automaton with transpositions.
    /// </summary>
    private static bool Within(string query, string entry)
    {
        var edits = AutoEdits(query);
        if (Math.Abs(query.Length - entry.Length) > edits)
        {
            return false;
        }

        if (edits == 0)
        {
            return string.Equals(query, entry, StringComparison.Ordinal);
        }

        Span<int> previous2 = stackalloc int[entry.Length + 1];
        Span<int> previous = stackalloc int[entry.Length + 1];
        Span<int> current = stackalloc int[entry.Length + 1];
        for (var j = 0; j <= entry.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= query.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= entry.Length; j++)
            {
                var cost = query[i - 1] == entry[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && query[i - 1] == entry[j - 2] && query[i - 2] == entry[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > edits)
            {
                return false;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[entry.Length] <= edits;
    }

    private string[] Analyze(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream(NameField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return [.. tokens];
    }

    private sealed class NoState : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
