using Npgsql;

namespace Federation.Deployment.Tests.Backup;

/// <summary>
/// What a database holds, as text to compare: each table's row count and a digest of its rows (in
/// a fixed order), each sequence's value, the relations with their kinds, the triggers, the
/// functions, the extensions. Two databases with the same contents give equal dictionaries.
/// </summary>
internal static class DatabaseContents
{
    private const string UserSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

    public static async Task<SortedDictionary<string, string>> ReadAsync(string connectionString)
    {
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        var tables = new List<string>();
        await foreach (var (name, kind) in RowsAsync<(string, string)>(connection,
            $"SELECT format('%I.%I', n.nspname, c.relname), c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserSchemas} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I')",
            reader => (reader.GetString(0), reader.GetString(1))))
        {
            contents[$"relation {name}"] = kind;
            if (kind == "r")
            {
                tables.Add(name);
            }
        }

        foreach (var table in tables)
        {
            await foreach (var digest in RowsAsync(connection,
                $"SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {table} t",
                reader => reader.GetString(0)))
            {
                contents[$"rows {table}"] = digest;
            }
        }

        await foreach (var (name, value) in RowsAsync(connection,
            "SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value::text, 'unused') FROM pg_sequences",
            reader => (reader.GetString(0), reader.GetString(1))))
        {
            contents[$"sequence {name}"] = value;
        }

        await foreach (var (name, definition) in RowsAsync(connection,
            "SELECT format('%s %I', t.tgrelid::regclass, t.tgname), pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal",
            reader => (reader.GetString(0), reader.GetString(1))))
        {
            contents[$"trigger {name}"] = definition;
        }

        await foreach (var (name, definition) in RowsAsync(connection,
            $"SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), md5(pg_get_functiondef(p.oid)) || ' ' || p.prosecdef FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {UserSchemas} AND p.prokind = 'f' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')",
            reader => (reader.GetString(0), reader.GetString(1))))
        {
            contents[$"function {name}"] = definition;
        }

        await foreach (var (name, version) in RowsAsync(connection, "SELECT extname, extversion FROM pg_extension", reader => (reader.GetString(0), reader.GetString(1))))
        {
            contents[$"extension {name}"] = version;
        }

        return contents;
    }

    private static async IAsyncEnumerable<T> RowsAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            yield return read(reader);
        }
    }
}
