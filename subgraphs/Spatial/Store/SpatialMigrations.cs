using Federation.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>The spatial register's schema migrations, and the data source made aware of what they created.</summary>
public static class SpatialMigrations
{
    /// <summary>
    /// Applies the register's migrations in <paramref name="schema"/>, then reloads the data source's types:
    /// the first migration may have just created PostGIS, and a data source that connected before knows no
    /// <c>geometry</c> type to map (<see cref="SpatialDataSource"/>).
    /// </summary>
    /// <returns>The migrations applied now.</returns>
    public static async Task<IReadOnlyList<SqlMigration>> ApplyAsync(NpgsqlDataSource dataSource, string schema, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var applied = await PostgresMigrations.ApplyAsync(dataSource, schema, All, logger, cancellationToken).ConfigureAwait(false);
        await dataSource.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    /// <summary>The migrations, embedded in this assembly.</summary>
    public static IReadOnlyList<SqlMigration> All { get; } = SqlMigration.FromAssembly(typeof(SpatialMigrations).Assembly);
}
