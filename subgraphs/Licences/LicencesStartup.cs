using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Seeding;
using Federation.Subgraphs.Licences.Store;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Licences;

/// <summary>
/// Prepares the store before the service takes requests: applies the migrations (PostgreSQL) and
/// seals anew, with a fresh salt, every licence sealed before seals had one; then seeds the demo
/// world when the library is empty and <c>Seed:Persons</c> is above 0.
/// </summary>
internal sealed class LicencesStartup(
    StoreOptions options,
    ILicenceStore store,
    Sealer sealer,
    TimeProvider clock,
    ILogger<LicencesStartup> logger) : IStoreStartup
{
    /// <summary>The reason recorded in the change events of licences sealed anew with a salt.</summary>
    public const string SaltReason = "sealed anew with a salt (the digest no longer confirms guesses of the items)";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (store is PostgresLicenceStore postgres)
        {
            await postgres.MigrateAsync(logger, cancellationToken).ConfigureAwait(false);
            await SaltAsync(postgres, cancellationToken).ConfigureAwait(false);
        }

        if (sealer.Keyring is DemoSealKeyring)
        {
            LicencesStartupLog.DemoSeals(logger);
        }

        if (options.SeedPersons > 0 && await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var seed = new LicenceSeed(new DemoWorld(options.SeedPersons), sealer);
            long count;
            if (store is PostgresLicenceStore database)
            {
                count = await PostgresSeedLoader.LoadAsync(database.DataSource, database.Schema, seed, sealer.Keyring, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var licences = seed.All().ToList();
                ((InMemoryLicenceStore)store).Put(licences);
                count = licences.Count;
            }

            LicencesStartupLog.Seeded(logger, count, options.SeedPersons, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The library answers when a read succeeds; its failure is the reason.</summary>
    public async Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken)
    {
        await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Seals anew every licence still without a salt, each as a change of its own (its row locked,
    /// its change event written with it), so readers who kept its seal or items learn of the new ones.
    /// </summary>
    private async Task SaltAsync(PostgresLicenceStore postgres, CancellationToken cancellationToken)
    {
        long count = 0;
        while (await postgres.UnsaltedNumbersAsync(500, cancellationToken).ConfigureAwait(false) is { Count: > 0 } numbers)
        {
            foreach (var number in numbers)
            {
                await postgres.ChangeAsync(number, Salted, SaltReason, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        if (count > 0)
        {
            LicencesStartupLog.Salted(logger, count);
        }
    }

    private LicenceChange Salted(Licence current)
    {
        if (current.Seal.Salt.Length > 0)
        {
            return new LicenceChange(current, []);
        }

        var now = clock.GetUtcNow();
        return new LicenceChange(sealer.Reseal(current with { UpdatedAt = now }, now), ["items", "seal", "updatedAt"]);
    }
}

internal static partial class LicencesStartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} licences from a demo world of {Persons} persons in {Seconds:0.0} s")]
    public static partial void Seeded(ILogger logger, long count, int persons, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seals use the DEMO keys derived from the demo seed; configure Seals:Keys=Configured with real seal files for production")]
    public static partial void DemoSeals(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Count} licences anew with a salt")]
    public static partial void Salted(ILogger logger, long count);
}
