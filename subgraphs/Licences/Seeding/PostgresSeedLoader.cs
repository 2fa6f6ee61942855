using Federation.Storage;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Licences.Seeding;

/// <summary>
/// Loads the seed into PostgreSQL with binary <c>COPY</c>: the agencies' seal certificates, then
/// every licence as the seed streams them, in one transaction, so a failed load leaves the tables empty.
/// The secondary indexes of <c>licences</c> (as the migrations made them) are dropped before the copy
/// and built again after it, which is much faster than maintaining them row by row.
/// </summary>
internal static class PostgresSeedLoader
{
    public static Task<long> LoadAsync(NpgsqlDataSource dataSource, string schema, LicenceSeed seed, ISealKeyring keyring, CancellationToken cancellationToken) =>
        LoadAsync(dataSource, schema, seed.Seals(keyring), seed.All(), cancellationToken);

    /// <summary>Loads <paramref name="licences"/> with the certificates of <paramref name="seals"/>, which must cover every seal the licences carry.</summary>
    public static async Task<long> LoadAsync(NpgsqlDataSource dataSource, string schema, IEnumerable<SealKey> seals, IEnumerable<Licence> licences, CancellationToken cancellationToken)
    {
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var certificates = await connection.BeginBinaryImportAsync(
            $"COPY {quoted}.seal_certificates (seal_id, agency_credit_code, certificate) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var key in seals)
            {
                await certificates.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await certificates.WriteAsync(key.SealId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await certificates.WriteAsync(SealCertificates.CreditCodeOf(key.Certificate), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await certificates.WriteAsync(key.CertificateBase64, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await certificates.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var indexes = await SecondaryIndexesAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX {quoted}.{PostgresMigrations.QuoteIdentifier(name)}", cancellationToken).ConfigureAwait(false);
        }

        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"""
            COPY {quoted}.licences (number, type_code, holder_kind, holder_key, holder_name, issuing_agency, issuing_agency_name,
                issued_on, valid_from, valid_until, status, item_keys, item_labels, item_values,
                seal_algorithm, seal_canonicalization, seal_content, seal_signature, seal_id, sealed_at, seal_salt, updated_at)
            FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var licence in licences)
            {
                await WriteAsync(importer, licence, cancellationToken).ConfigureAwait(false);
                count++;
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, transaction, definition, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, $"ANALYZE {quoted}.licences", cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>The indexes of <c>licences</c> other than those of constraints (the primary key), with their definitions.</summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        var indexes = new List<(string, string)>();
        await using var read = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = @schema AND i.tablename = 'licences'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = @schema AND c.conname = i.indexname)
            """,
            connection,
            transaction);
        read.Parameters.Add(new NpgsqlParameter<string>("schema", schema));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter importer, Licence licence, CancellationToken cancellationToken)
    {
        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Number, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Type.Code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(HolderKinds.Name(licence.Holder.Kind), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Holder.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.HolderName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.IssuingAgencyCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.IssuingAgencyName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.IssuedOn, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.ValidFrom, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
        if (licence.ValidUntil is { } until)
        {
            await importer.WriteAsync(until, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }

        await importer.WriteAsync(LicenceStatuses.Name(licence.Status), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Items.Select(i => i.Key).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Items.Select(i => i.Label).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Items.Select(i => i.Value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.Algorithm, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.Canonicalization, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.CanonicalContent, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.Signature, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.SealId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.SealedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.Seal.Salt, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(licence.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
    }
}
