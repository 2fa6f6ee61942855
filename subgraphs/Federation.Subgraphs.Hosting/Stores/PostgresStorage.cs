using Federation.Subgraphs.Hosting.Changes;
using Npgsql;

namespace Federation.Subgraphs.Hosting.Stores;

/// <summary>
/// What a PostgreSQL register is built on: the data source, its schema, the change outbox its
/// corrections write to in their transaction, and the wake-up of the relay that publishes it.
/// </summary>
public sealed record PostgresStorage(NpgsqlDataSource DataSource, string Schema, ChangeOutbox Outbox, Action WakeRelay);
