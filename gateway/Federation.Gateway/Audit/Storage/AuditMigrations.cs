using Federation.Storage;

namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// The versioned migrations of the audit schema, applied with <see cref="PostgresMigrations"/> by the
/// schema's owner role. The records and checkpoints are partitioned by month on <c>at</c>; each record
/// keeps its canonical body (<see cref="ChainedRecord.Body"/>) verbatim beside the columns searched by,
/// so the verifier recomputes each hash and checks the columns against the body. Never edit an applied
/// migration: add the next one.
/// </summary>
internal static class AuditMigrations
{
    public static IReadOnlyList<SqlMigration> All { get; } =
    [
        new(1, "audit_records_and_checkpoints", """
            CREATE TABLE records (
                instance text NOT NULL,
                sequence bigint NOT NULL,
                at timestamptz NOT NULL,
                kind text NOT NULL,
                event text,
                user_id text,
                agency text,
                division text,
                purpose text,
                matter text,
                operation_name text,
                document_hash text,
                outcome text,
                duration_us bigint NOT NULL,
                client_address text,
                request_id text,
                error_codes text[] NOT NULL,
                resources text[] NOT NULL,
                decisions text[] NOT NULL,
                grants uuid[] NOT NULL,
                subjects bytea[] NOT NULL,
                body bytea NOT NULL,
                previous_hash bytea NOT NULL,
                hash bytea NOT NULL,
                PRIMARY KEY (instance, sequence, at)
            ) PARTITION BY RANGE (at);
            CREATE INDEX records_at ON records (at);
            CREATE INDEX records_agency_at ON records (agency, at);
            CREATE INDEX records_subjects ON records USING gin (subjects);
            CREATE INDEX records_resources ON records USING gin (resources);

            CREATE TABLE checkpoints (
                instance text NOT NULL,
                sequence bigint NOT NULL,
                hash bytea NOT NULL,
                at timestamptz NOT NULL,
                closing boolean NOT NULL,
                key_id text NOT NULL,
                signature bytea NOT NULL,
                PRIMARY KEY (instance, sequence, at)
            ) PARTITION BY RANGE (at);
            """),
    ];
}
