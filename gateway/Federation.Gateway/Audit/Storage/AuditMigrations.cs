using Federation.Storage;

namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// The versioned migrations of the audit schema, applied with <see cref="PostgresMigrations"/> by the
/// schema's owner role (<see cref="AuditSchemaOwner"/>). The records and checkpoints are partitioned by
/// month on <c>at</c>; each record keeps its canonical body (<see cref="ChainedRecord.Body"/>) verbatim
/// beside the columns searched by, so the verifier recomputes each hash and checks the columns against
/// the body. Never edit an applied migration: add the next one.
/// </summary>
/// <remarks>
/// Migration 1 makes the trail append-only for every role, the owner included: a row trigger refuses
/// <c>UPDATE</c> and <c>DELETE</c>, a statement trigger <c>TRUNCATE</c> (on the tables and on every
/// partition, since a partition can be truncated on its own), with SQLSTATE
/// <see cref="AuditSqlStates.AppendOnly"/>. A row trigger does not fire when a partition is detached or
/// dropped: that is the one way records leave, whole months older than the retention
/// (<c>drop_partitions_before</c>, owner only). What the triggers cannot stop — a superuser replaying
/// with <c>session_replication_role = replica</c>, or the owner disabling a trigger or dropping a young
/// partition — the hash chain and its signed checkpoints reveal (<c>audit verify</c>).
/// <para>
/// The gateway writes as a login role granted <c>&lt;schema&gt;_writer</c>, a NOLOGIN group role made
/// here if missing (the owner then needs <c>CREATEROLE</c>; otherwise an administrator makes it first):
/// <c>USAGE</c> on the schema, <c>INSERT</c> and <c>SELECT</c> on the two tables, <c>SELECT</c> on
/// <c>retention_cuts</c> (where the retention cut each chain, for the verifier) and <c>EXECUTE</c> on
/// <c>ensure_month_partitions</c>, nothing else. That function is <c>SECURITY DEFINER</c> with a fixed
/// <c>search_path</c> so that the writer gets this month's partitions without any DDL right.
/// </para>
/// </remarks>
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

            -- Append-only for every role, owner included. SQLSTATE AU001 (AuditSqlStates.AppendOnly).
            CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit trail is append-only: % of %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'AU001',
                          HINT = 'Records leave only with whole monthly partitions older than the retention (audit retain).';
            END
            $$;
            CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER records_no_truncate BEFORE TRUNCATE ON records FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

            -- The month partitions of both tables holding `at` (UTC months), made if missing; callable by
            -- the writer role, run with the owner's rights. A month before 2000 or more than 31 days ahead
            -- of the database's clock is refused (AU003): a writer cannot flood the schema with partitions.
            CREATE FUNCTION ensure_month_partitions(at timestamptz) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET TimeZone = 'UTC' AS $$
            DECLARE
                month_start timestamptz;
                parent text;
                partition text;
            BEGIN
                IF at IS NULL OR at < timestamptz '2000-01-01 00:00:00+00' OR at > now() + interval '31 days' THEN
                    RAISE EXCEPTION 'no audit partition for %: records are kept from 2000 until 31 days ahead of the database clock', at
                        USING ERRCODE = 'AU003';
                END IF;
                month_start := date_trunc('month', at);
                FOREACH parent IN ARRAY ARRAY['records', 'checkpoints'] LOOP
                    partition := parent || '_' || to_char(month_start, 'YYYY_MM');
                    CONTINUE WHEN to_regclass(format('%I.%I', current_schema(), partition)) IS NOT NULL;
                    -- Two writers making one month at once: the second waits, then finds it made.
                    PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.' || partition));
                    CONTINUE WHEN to_regclass(format('%I.%I', current_schema(), partition)) IS NOT NULL;
                    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                        current_schema(), partition, current_schema(), parent, month_start, month_start + interval '1 month');
                    -- TRUNCATE of a partition by name does not fire the parent's statement trigger.
                    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I.%I FOR EACH STATEMENT EXECUTE FUNCTION %I.refuse_change()',
                        partition || '_no_truncate', current_schema(), partition, current_schema());
                END LOOP;
            END
            $$;

            -- Where the retention cut each instance's chain: its last dropped record's sequence and hash, so
            -- that the verifier continues the chain from there and a record missing after it is still found.
            CREATE TABLE retention_cuts (
                instance text NOT NULL,
                sequence bigint NOT NULL,
                hash bytea NOT NULL,
                partition text NOT NULL,
                cut_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (instance, sequence)
            );
            CREATE TRIGGER retention_cuts_append_only BEFORE UPDATE OR DELETE ON retention_cuts FOR EACH ROW EXECUTE FUNCTION refuse_change();
            CREATE TRIGGER retention_cuts_no_truncate BEFORE TRUNCATE ON retention_cuts FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

            -- Retention, run by the owner: detaches and drops the partitions of both tables whose whole
            -- range ends at or before now() - retention_days (at least 180: AU002), and returns their names;
            -- for a records partition, each instance's last record in it is noted in retention_cuts first.
            -- A partition that still holds a younger record is never dropped, whatever its bound says.
            CREATE FUNCTION drop_partitions_before(retention_days integer) RETURNS SETOF text
            LANGUAGE plpgsql SET TimeZone = 'UTC' AS $$
            DECLARE
                cutoff timestamptz;
                young boolean;
                part record;
            BEGIN
                IF retention_days IS NULL OR retention_days < 180 THEN
                    RAISE EXCEPTION 'a retention of % days is refused: the audit trail is kept at least 180 days (Cybersecurity Law art. 21)', retention_days
                        USING ERRCODE = 'AU002';
                END IF;
                cutoff := now() - make_interval(days => retention_days);
                FOR part IN
                    SELECT parent.relname AS parent, child.relname AS partition,
                           (regexp_match(pg_get_expr(child.relpartbound, child.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz AS ends
                    FROM pg_inherits
                    JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                    JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                    WHERE pg_inherits.inhparent IN ('records'::regclass, 'checkpoints'::regclass)
                    ORDER BY 3, 2
                LOOP
                    CONTINUE WHEN part.ends IS NULL OR part.ends > cutoff;
                    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE at >= $1)', part.partition) INTO young USING cutoff;
                    CONTINUE WHEN young;
                    IF part.parent = 'records' THEN
                        EXECUTE format(
                            'INSERT INTO retention_cuts (instance, sequence, hash, partition) '
                            'SELECT DISTINCT ON (instance) instance, sequence, hash, %L FROM %I ORDER BY instance, sequence DESC '
                            'ON CONFLICT DO NOTHING', part.partition, part.partition);
                    END IF;
                    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', part.parent, part.partition);
                    EXECUTE format('DROP TABLE %I', part.partition);
                    RETURN NEXT part.partition;
                END LOOP;
            END
            $$;

            -- Rights: nothing for PUBLIC; the writer group role may insert, select and make partitions.
            REVOKE ALL ON records, checkpoints, retention_cuts, schema_migrations FROM PUBLIC;
            REVOKE ALL ON FUNCTION refuse_change(), ensure_month_partitions(timestamptz), drop_partitions_before(integer) FROM PUBLIC;
            DO $$
            DECLARE
                audit_schema text := current_schema();
                writer text := current_schema() || '_writer';
            BEGIN
                EXECUTE format('ALTER FUNCTION ensure_month_partitions(timestamptz) SET search_path = %I, pg_temp', audit_schema);
                EXECUTE format('ALTER FUNCTION drop_partitions_before(integer) SET search_path = %I, pg_temp', audit_schema);
                EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', audit_schema);
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = writer) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', writer);
                END IF;
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', audit_schema, writer);
                EXECUTE format('GRANT INSERT, SELECT ON records, checkpoints TO %I', writer);
                EXECUTE format('GRANT SELECT ON retention_cuts TO %I', writer);
                EXECUTE format('GRANT EXECUTE ON FUNCTION ensure_month_partitions(timestamptz) TO %I', writer);
            END
            $$;
            """),

        // The reading API's user and matter filters had no index: a rare user or matter was found by walking
        // the time index, seconds on millions of records. One GIN over an expression holding the record's
        // user and matter, prefixed, serves both at about the cost of one more index key per record — two
        // B-trees (user_id, at) and (matter, at) cost the writer a third more. The GIN on resources goes:
        // a gateway's record names about six resources, six GIN keys per request (against ~1 subject), for a
        // filter whose values are few and common (a page of them is found by walking the
        // time index). docs/benchmarks.md, "Which indexes the audit records keep (2026-12-08)".
        //
        // A gateway's body is ~3 KB of canonical JSON, past the 2 KB at which PostgreSQL compresses a row's
        // values: pglz took ~18 µs of the backend per record, lz4 ~7 µs for the same size on disk. New
        // values only (rows stored keep theirs, readable as ever); a partition made later takes the
        // parent's setting. A server built without lz4 keeps pglz.
        new(2, "audit_records_terms_index_and_lz4_bodies", $"""
            DROP INDEX records_resources;
            CREATE INDEX records_terms ON records USING gin ({TermsExpression});
            DO $$
            DECLARE
                part regclass;
            BEGIN
                IF EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
                    -- The parent's setting goes to the partitions made later, not to those there are.
                    ALTER TABLE records ALTER COLUMN body SET COMPRESSION lz4;
                    FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'records'::regclass LOOP
                        EXECUTE format('ALTER TABLE %s ALTER COLUMN body SET COMPRESSION lz4', part);
                    END LOOP;
                END IF;
            END
            $$;
            """),
    ];

    /// <summary>
    /// The indexed expression of <c>records_terms</c> (migration 2): the user as <c>user:&lt;id&gt;</c>, the
    /// matter as <c>matter:&lt;id&gt;</c> (a missing one is a null element, never matched). A filter asks
    /// <c>TermsExpression @&gt; ARRAY[…]</c> beside the column's own condition, which decides; a query must
    /// spell the expression the same to use the index.
    /// </summary>
    public const string TermsExpression = "(ARRAY['user:' || user_id, 'matter:' || matter])";

    /// <summary>The term of <c>records_terms</c> for a user id.</summary>
    public static string UserTerm(string user) => "user:" + user;

    /// <summary>The term of <c>records_terms</c> for a matter.</summary>
    public static string MatterTerm(string matter) => "matter:" + matter;
}
