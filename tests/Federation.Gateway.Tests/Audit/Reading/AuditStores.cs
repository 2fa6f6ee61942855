using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Reading;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Tests.Sharing;
using Federation.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>
/// A store of audit records under test, with the reader over it: <c>memory</c> (the records of a spool,
/// enumerated) or <c>postgres</c> (the audit schema's migrations applied to a schema of the test's own on
/// the test server, rows inserted directly with the columns <see cref="AuditColumns"/> defines, dropped at
/// the end). The reading tests run once against each and expect the same answers.
/// </summary>
internal abstract class AuditStore : IAsyncDisposable
{
    public static readonly TheoryData<string> Kinds = ["memory", "postgres"];

    public abstract IAuditReader Reader { get; }

    public static async Task<AuditStore> CreateAsync(string kind) => kind switch
    {
        "memory" => new Memory(),
        "postgres" => await Postgres.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public abstract Task AddAsync(IEnumerable<ChainedRecord> records);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Memory : AuditStore
    {
        private readonly List<ChainedRecord> records = [];

        public Memory() => Reader = new EnumeratedAuditReader(() =>
        {
            lock (records)
            {
                return [.. records];
            }
        });

        public override IAuditReader Reader { get; }

        public override Task AddAsync(IEnumerable<ChainedRecord> added)
        {
            lock (records)
            {
                records.AddRange(added);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Postgres : AuditStore
    {
        private readonly NpgsqlDataSource source;
        private readonly string schema;

        private Postgres(NpgsqlDataSource source, string schema)
        {
            this.source = source;
            this.schema = schema;
            Reader = new PostgresAuditReader(source, schema, body => AuditCanonicalForm.Read(body.Span).Entry);
        }

        public override IAuditReader Reader { get; }

        public static async Task<Postgres> CreateAsync()
        {
            var source = NpgsqlDataSource.Create(SharingDatabase.ConnectionString);
            var schema = "audit_read_test_" + Guid.NewGuid().ToString("N")[..12];
            await PostgresMigrations.ApplyAsync(source, schema, AuditMigrations.All, cancellationToken: TestContext.Current.CancellationToken);
            var quoted = PostgresMigrations.QuoteIdentifier(schema);
            // The tables are partitioned by month; one default partition holds the test's rows whatever their time.
            await using (var partitions = source.CreateCommand(
                $"CREATE TABLE {quoted}.records_test PARTITION OF {quoted}.records DEFAULT; CREATE TABLE {quoted}.checkpoints_test PARTITION OF {quoted}.checkpoints DEFAULT"))
            {
                await partitions.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            return new Postgres(source, schema);
        }

        public override async Task AddAsync(IEnumerable<ChainedRecord> records)
        {
            await using var connection = await source.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
            foreach (var record in records)
            {
                var entry = record.Entry;
                await using var insert = new NpgsqlCommand(
                    $"""
                    INSERT INTO {PostgresMigrations.QuoteIdentifier(schema)}.records
                        (instance, sequence, at, kind, event, user_id, agency, division, purpose, matter, operation_name, document_hash, outcome,
                         duration_us, client_address, request_id, error_codes, resources, decisions, grants, subjects, body, previous_hash, hash)
                    VALUES (@instance, @sequence, @at, @kind, @event, @user, @agency, @division, @purpose, @matter, @operation, @document, @outcome,
                         @duration, @client, @request, @errors, @resources, @decisions, @grants, @subjects, @body, @previous, @hash)
                    """,
                    connection,
                    transaction);
                insert.Parameters.AddWithValue("instance", record.Instance);
                insert.Parameters.AddWithValue("sequence", record.Sequence);
                insert.Parameters.AddWithValue("at", entry.At.UtcDateTime);
                insert.Parameters.AddWithValue("kind", AuditWireNames.Of(entry.Kind));
                Text(insert, "event", entry.Event);
                Text(insert, "user", entry.User);
                Text(insert, "agency", entry.Agency);
                Text(insert, "division", entry.Division);
                Text(insert, "purpose", entry.Purpose);
                Text(insert, "matter", entry.Matter);
                Text(insert, "operation", entry.OperationName);
                Text(insert, "document", entry.DocumentHash);
                Text(insert, "outcome", entry.Outcome is { } outcome ? AuditWireNames.Of(outcome) : null);
                insert.Parameters.AddWithValue("duration", entry.DurationMicroseconds);
                Text(insert, "client", entry.ClientAddress);
                Text(insert, "request", entry.RequestId);
                insert.Parameters.AddWithValue("errors", entry.ErrorCodes.ToArray());
                insert.Parameters.AddWithValue("resources", AuditColumns.Resources(entry));
                insert.Parameters.AddWithValue("decisions", AuditColumns.Decisions(entry));
                insert.Parameters.AddWithValue("grants", AuditColumns.Grants(entry));
                insert.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = AuditColumns.Subjects(entry) });
                insert.Parameters.AddWithValue("body", record.Body.ToArray());
                insert.Parameters.AddWithValue("previous", record.PreviousHash.ToArray());
                insert.Parameters.AddWithValue("hash", record.Hash.ToArray());
                await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            await using (var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {PostgresMigrations.QuoteIdentifier(schema)} CASCADE"))
            {
                await drop.ExecuteNonQueryAsync();
            }

            await source.DisposeAsync();
        }

        private static void Text(NpgsqlCommand command, string name, string? value) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
    }
}
