using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Auditing;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Tests.Sharing;
using Federation.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>
/// A store of audit records under test, with the reader over it: <c>memory</c> (the records of a spool,
/// enumerated) or <c>postgres</c> (the audit schema's migrations applied to a schema of the test's own on
/// the test server, rows inserted directly with the store's column mapping (<see cref="AuditRecordColumns"/>), dropped at
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
        private readonly AuditDatabase database;

        private Postgres(AuditDatabase database)
        {
            this.database = database;
            // The reader connects as the gateway does: the writer role, which may insert and select only.
            Reader = new PostgresAuditReader(database.Writer, database.Schema, body => AuditCanonicalForm.Read(body.Span).Entry);
        }

        public override IAuditReader Reader { get; }

        public static async Task<Postgres> CreateAsync() => new(await AuditDatabase.CreateAsync());

        public override async Task AddAsync(IEnumerable<ChainedRecord> records)
        {
            var schema = PostgresMigrations.QuoteIdentifier(database.Schema);
            await using var connection = await database.Writer.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
            foreach (var record in records)
            {
                await using (var partition = new NpgsqlCommand($"SELECT {schema}.ensure_month_partitions(@at)", connection, transaction))
                {
                    partition.Parameters.AddWithValue("at", AuditCanonicalForm.Microseconds(record.Entry.At));
                    await partition.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                }

                // The store's own mapping of a record to its columns: what the sink writes.
                var row = AuditRecordColumns.Of(record);
                await using var insert = new NpgsqlCommand(
                    $"""
                    INSERT INTO {schema}.records ({AuditRecordColumns.List})
                    VALUES (@instance, @sequence, @at, @kind, @event, @user, @agency, @division, @purpose, @matter, @operation, @document, @outcome,
                         @duration, @client, @request, @errors, @resources, @decisions, @grants, @subjects, @body, @previous, @hash)
                    """,
                    connection,
                    transaction);
                insert.Parameters.AddWithValue("instance", row.Instance);
                insert.Parameters.AddWithValue("sequence", row.Sequence);
                insert.Parameters.AddWithValue("at", row.At);
                insert.Parameters.AddWithValue("kind", row.Kind);
                Text(insert, "event", row.Event);
                Text(insert, "user", row.UserId);
                Text(insert, "agency", row.Agency);
                Text(insert, "division", row.Division);
                Text(insert, "purpose", row.Purpose);
                Text(insert, "matter", row.Matter);
                Text(insert, "operation", row.OperationName);
                Text(insert, "document", row.DocumentHash);
                Text(insert, "outcome", row.Outcome);
                insert.Parameters.AddWithValue("duration", row.DurationMicroseconds);
                Text(insert, "client", row.ClientAddress);
                Text(insert, "request", row.RequestId);
                insert.Parameters.AddWithValue("errors", row.ErrorCodes);
                insert.Parameters.AddWithValue("resources", row.Resources);
                insert.Parameters.AddWithValue("decisions", row.Decisions);
                insert.Parameters.AddWithValue("grants", row.Grants);
                insert.Parameters.Add(new NpgsqlParameter("subjects", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = row.Subjects });
                insert.Parameters.AddWithValue("body", row.Body.ToArray());
                insert.Parameters.AddWithValue("previous", row.PreviousHash.ToArray());
                insert.Parameters.AddWithValue("hash", row.Hash.ToArray());
                await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        public override ValueTask DisposeAsync() => database.DisposeAsync();

        private static void Text(NpgsqlCommand command, string name, string? value) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
    }
}
