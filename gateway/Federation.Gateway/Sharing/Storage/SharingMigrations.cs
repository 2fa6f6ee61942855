using Federation.Subgraphs.Hosting.Storage;

namespace Federation.Gateway.Sharing.Storage;

/// <summary>
/// The versioned migrations of the sharing schema, applied with <see cref="PostgresMigrations"/>.
/// Kept in code rather than as embedded <c>Migrations/*.sql</c> resources because the gateway
/// assembly may hold other schemas' migrations, which <see cref="SqlMigration.FromAssembly"/>
/// would mix in. Never edit an applied migration: add the next one.
/// </summary>
internal static class SharingMigrations
{
    public static IReadOnlyList<SqlMigration> All { get; } =
    [
        new(1, "share_applications_and_grants", """
            CREATE TABLE share_applications (
                id uuid PRIMARY KEY,
                agency text NOT NULL,
                applicant text NOT NULL,
                resource_id text NOT NULL,
                purposes text[] NOT NULL,
                justification text NOT NULL,
                valid_from timestamptz NOT NULL,
                valid_until timestamptz NOT NULL,
                matter text,
                submitted_at timestamptz NOT NULL,
                due_date date NOT NULL,
                status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN')),
                decided_at timestamptz,
                decided_by text,
                refusal_reason text,
                grant_id uuid,
                CHECK (valid_from < valid_until),
                CHECK (status <> 'REFUSED' OR refusal_reason IS NOT NULL));
            CREATE INDEX share_applications_agency ON share_applications (agency);
            CREATE INDEX share_applications_resource ON share_applications (resource_id);
            CREATE INDEX share_applications_pending_due ON share_applications (due_date) WHERE status = 'PENDING';

            CREATE TABLE grants (
                id uuid PRIMARY KEY,
                application_id uuid NOT NULL UNIQUE REFERENCES share_applications (id),
                resource_id text NOT NULL,
                agency text NOT NULL,
                purposes text[] NOT NULL,
                valid_from timestamptz NOT NULL,
                valid_until timestamptz NOT NULL,
                revoked_at timestamptz,
                revoked_by text,
                revocation_reason text,
                CHECK (valid_from < valid_until),
                CHECK (revoked_at IS NULL OR revocation_reason IS NOT NULL));
            CREATE INDEX grants_agency_unrevoked ON grants (agency, valid_until) WHERE revoked_at IS NULL;
            CREATE INDEX grants_resource ON grants (resource_id);
            """),
    ];
}
