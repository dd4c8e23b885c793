using System.Globalization;
using Clearance.Peers.Lists;
using Clearance.Peers.Queries;
using Npgsql;
using NpgsqlTypes;

namespace Clearance.Peers.Systems;

/// <summary>
/// PostgreSQL pg_trgm: every list name a row, folded with unaccent, a GIN gin_trgm_ops index, and queries that filter
/// with the % operator at pg_trgm.similarity_threshold and rank by similarity().
/// </summary>
public sealed class PgTrgmPeer(string connectionString) : IPeer
{
    private const string SearchSql =
        "SELECT entry_id, entry_name, name, similarity(norm, q.v) AS s " +
        "FROM list_names, (SELECT unaccent($1) AS v) AS q " +
        "WHERE norm % q.v ORDER BY s DESC, id LIMIT $2";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public string Name => "PostgreSQL pg_trgm";

    public string Description { get; private set; } = "PostgreSQL with pg_trgm";

    public IReadOnlyList<double> ThresholdGrid { get; } =
        [0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00];

    public async Task BuildAsync(IReadOnlyList<ListName> names, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm", cancellationToken);
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS unaccent", cancellationToken);
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS list_names", cancellationToken);
        await ExecuteAsync(
            connection,
            "CREATE TABLE list_names (id integer PRIMARY KEY, entry_id text NOT NULL, entry_name text NOT NULL, list text NOT NULL, name text NOT NULL, norm text)",
            cancellationToken);
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY list_names (id, entry_id, entry_name, list, name) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await import.WriteAsync(name.EntryId, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(name.EntryName, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(name.List, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(name.Name, NpgsqlDbType.Text, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, "UPDATE list_names SET norm = unaccent(name)", cancellationToken);
        await ExecuteAsync(connection, "CREATE INDEX list_names_norm_trgm ON list_names USING gin (norm gin_trgm_ops)", cancellationToken);
        await ExecuteAsync(connection, "VACUUM ANALYZE list_names", cancellationToken);

        await using var version = new NpgsqlCommand(
            "SELECT current_setting('server_version'), (SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'), pg_total_relation_size('list_names')",
            connection);
        await using var reader = await version.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"PostgreSQL {reader.GetString(0)}, pg_trgm {reader.GetString(1)}, unaccent; GIN gin_trgm_ops index; table + index {reader.GetInt64(2) / 1048576.0:F1} MB; Npgsql {typeof(NpgsqlConnection).Assembly.GetName().Version}");
    }

    public async Task<ScreenRun> ScreenAsync(
        IReadOnlyList<string> queries, int top, double threshold, int workers, double[]? latencyMs, CancellationToken cancellationToken)
    {
        var results = new IReadOnlyList<Candidate>[queries.Count];
        var elapsed = await Workers.RunAsync(
            queries.Count,
            workers,
            async ct => await Worker.OpenAsync(_dataSource, threshold, top, ct),
            async (worker, index, ct) => results[index] = await worker.SearchAsync(queries[index], threshold, ct),
            latencyMs,
            cancellationToken);
        return new ScreenRun(results, elapsed);
    }

    public async Task<double[]> ScorePairsAsync(IReadOnlyList<NamePair> pairs, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT similarity(unaccent(a), unaccent(b)) FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, n) ORDER BY n",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.Name1).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.Name2).ToArray() });
        var scores = new List<double>(pairs.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scores.Add(reader.GetFloat(0));
        }

        return [.. scores];
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Worker(NpgsqlConnection connection, NpgsqlCommand command) : IAsyncDisposable
    {
        public static async Task<Worker> OpenAsync(NpgsqlDataSource dataSource, double threshold, int top, CancellationToken cancellationToken)
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var set = new NpgsqlCommand(
                string.Create(CultureInfo.InvariantCulture, $"SET pg_trgm.similarity_threshold = {threshold:R}"), connection))
            {
                await set.ExecuteNonQueryAsync(cancellationToken);
            }

            var command = new NpgsqlCommand(SearchSql, connection);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = top });
            await command.PrepareAsync(cancellationToken);
            return new Worker(connection, command);
        }

        public async Task<IReadOnlyList<Candidate>> SearchAsync(string query, double threshold, CancellationToken cancellationToken)
        {
            command.Parameters[0].Value = query;
            var candidates = new List<Candidate>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                double score = reader.GetFloat(3);
                candidates.Add(new Candidate(reader.GetString(0), reader.GetString(1), reader.GetString(2), score, score >= threshold));
            }

            return candidates;
        }

        public async ValueTask DisposeAsync()
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
