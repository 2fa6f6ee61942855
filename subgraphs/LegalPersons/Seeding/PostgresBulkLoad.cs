using Federation.Storage;
using Federation.Subgraphs.LegalPersons.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.LegalPersons.Seeding;

/// <summary>
/// Loads the seed into empty tables with <c>COPY … FROM STDIN (FORMAT BINARY)</c>, one COPY per
/// table in one transaction: the fastest way into PostgreSQL, and all or nothing.
/// </summary>
internal static class PostgresBulkLoad
{
    public static async Task CopyAsync(NpgsqlConnection connection, string schema, IEnumerable<LegalPersonFile> files, CancellationToken cancellationToken)
    {
        // Three COPY streams cannot be open at once on one connection, so the seed is read once into a list.
        var all = files as IReadOnlyList<LegalPersonFile> ?? files.ToList();
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {quoted}.legal_persons (credit_code, name, former_names, kind, status, representative_id_number, registered_capital, capital_currency, " +
            "established_on, operating_from, operating_until, address, standard_address_id, division_code, industry_code, business_scope, " +
            "authority_credit_code, terminated_on, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var file in all)
            {
                var l = file.LegalPerson;
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.CreditCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.FormerNames.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(SchemaNames<LegalPersonKind>.Of(l.Kind), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(SchemaNames<LegalPersonStatus>.Of(l.Status), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.RepresentativeIdNumber, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.RegisteredCapital?.Value, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.RegisteredCapital?.Currency, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.EstablishedOn, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.OperatingFrom, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.OperatingUntil, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.Address, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.StandardAddressId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.DivisionCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.IndustryCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.BusinessScope, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.AuthorityCreditCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteAsync(copy, l.TerminatedOn, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(l.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {quoted}.shareholdings (credit_code, position, shareholder_id_number, shareholder_credit_code, shareholder_name, " +
            "subscribed_amount, subscribed_currency, paid_in_amount, paid_in_currency, share_percentage) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var file in all)
            {
                for (var position = 0; position < file.Shareholders.Count; position++)
                {
                    var s = file.Shareholders[position];
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(file.LegalPerson.CreditCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(position, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.ShareholderIdNumber, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.ShareholderCreditCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(s.ShareholderName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.SubscribedCapital?.Value, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.SubscribedCapital?.Currency, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.PaidInCapital?.Value, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.PaidInCapital?.Currency, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, s.SharePercentage, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {quoted}.annual_reports (credit_code, year, filed_on, employees, operating_status, phone, website) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false))
        {
            foreach (var file in all)
            {
                foreach (var report in file.AnnualReports)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(file.LegalPerson.CreditCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(report.Year, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(report.FiledOn, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, report.Employees, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, report.OperatingStatus, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, report.Phone, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteAsync(copy, report.Website, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await using var analyze = new NpgsqlCommand($"ANALYZE {quoted}.legal_persons, {quoted}.shareholdings, {quoted}.annual_reports", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
