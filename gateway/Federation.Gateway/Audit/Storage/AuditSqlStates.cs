namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// The SQLSTATEs the audit schema raises (class <c>AU</c>, no standard class), so that callers and
/// operators tell its refusals from any other error.
/// </summary>
internal static class AuditSqlStates
{
    /// <summary>An <c>UPDATE</c>, <c>DELETE</c> or <c>TRUNCATE</c> of the trail, by any role, the owner included.</summary>
    public const string AppendOnly = "AU001";

    /// <summary>A retention shorter than <see cref="AuditSchemaOwner.MinimumRetentionDays"/> days.</summary>
    public const string RetentionTooShort = "AU002";

    /// <summary>A month partition asked for a time before 2000 or more than 31 days ahead of the database's clock.</summary>
    public const string PartitionOutOfRange = "AU003";
}
