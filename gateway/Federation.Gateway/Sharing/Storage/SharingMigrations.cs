using Federation.Storage;


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

        // The bounds the workflow checks (ShareText, CallerClaims.MaxUserLength, the matter's), kept by
        // the store too so that no writer can get around them. NOT VALID: rows stored before are not
        // rechecked (a migration must not fail on them), every row written from now on is.
        new(2, "bounded_text", """
            ALTER TABLE share_applications
                ADD CONSTRAINT share_applications_justification_length CHECK (char_length(justification) BETWEEN 1 AND 2000) NOT VALID,
                ADD CONSTRAINT share_applications_matter_length CHECK (matter IS NULL OR matter ~ '^[!-~]{1,64}$') NOT VALID,
                ADD CONSTRAINT share_applications_refusal_reason_length CHECK (char_length(refusal_reason) BETWEEN 1 AND 1000) NOT VALID,
                ADD CONSTRAINT share_applications_applicant_length CHECK (char_length(applicant) BETWEEN 1 AND 255) NOT VALID,
                ADD CONSTRAINT share_applications_decided_by_length CHECK (char_length(decided_by) BETWEEN 1 AND 255) NOT VALID;
            ALTER TABLE grants
                ADD CONSTRAINT grants_revocation_reason_length CHECK (char_length(revocation_reason) BETWEEN 1 AND 1000) NOT VALID,
                ADD CONSTRAINT grants_revoked_by_length CHECK (char_length(revoked_by) BETWEEN 1 AND 255) NOT VALID;
            """),
    ];
}
