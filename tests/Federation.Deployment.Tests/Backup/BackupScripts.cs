using Npgsql;

namespace Federation.Deployment.Tests.Backup;

/// <summary>
/// <c>k8s/base/backup/backup.sh</c> and <c>restore.sh</c>, run as the CronJob and an operator run them,
/// against the tests' PostgreSQL: databases are named by libpq connection strings made from the
/// Npgsql ones, the password (if any) passed in PGPASSWORD.
/// </summary>
internal static class BackupScripts
{
    public static Task<Processes.Outcome> BackupAsync(string output, string targets, IDictionary<string, string>? environment = null) =>
        RunAsync([Repository.PathOf("k8s/base/backup/backup.sh"), output, targets], environment);

    public static Task<Processes.Outcome> RestoreAsync(string dump, string connectionString) =>
        RunAsync([Repository.PathOf("k8s/base/backup/restore.sh"), dump, Conninfo(connectionString)], null);

    /// <summary>A targets file as the CronJob's ConfigMap holds it: one <c>name conninfo</c> a line.</summary>
    public static string Targets(string directory, params (string Name, string ConnectionString)[] databases)
    {
        var path = Path.Combine(directory, "targets");
        File.WriteAllLines(path, ["# name  conninfo", .. databases.Select(d => $"{d.Name}  {Conninfo(d.ConnectionString)}")]);
        return path;
    }

    /// <summary>The libpq connection string of an Npgsql one (host, port, user, database).</summary>
    public static string Conninfo(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}";
    }

    private static async Task<Processes.Outcome> RunAsync(string[] arguments, IDictionary<string, string>? environment)
    {
        foreach (var program in new[] { "pg_dump", "pg_restore", "psql" })
        {
            Assert.True(Processes.Find(program) is not null, $"{program} is not on PATH: the backup scripts need the PostgreSQL 15 client (apt-get install postgresql-client-15; tests/run.sh installs postgresql-15)");
        }

        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (new NpgsqlConnectionStringBuilder(Subgraphs.Testing.TestServices.Postgres).Password is { Length: > 0 } password)
        {
            variables["PGPASSWORD"] = password;
        }

        return await Processes.RunAsync("bash", arguments, variables);
    }
}

/// <summary>A directory of one test, deleted with it.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("federation-backup-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
